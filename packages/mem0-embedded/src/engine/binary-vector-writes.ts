/**
 * mem0's pgvector store writes a vector as text (`[0.0123456789,...]` cast with `::vector`), so PostgreSQL
 * parses 384 decimal numbers per row in WebAssembly on the thread that also serves searches. Measured on this
 * package's host (a loopback pg client, 384 dimensions): 1.4-2.8 ms per INSERT as text against 0.5-1.0 ms
 * with the vector sent in pgvector's binary format (`vector_recv`), for the same stored float4 values.
 *
 * Here mem0's `insert` and `update` run the same statements on the same table (id, vector, payload), with the
 * vector as a binary parameter: PGlite sends a typed array as a binary-format value when the parameter's
 * serializer hands it through. Deletes and everything else stay mem0's.
 *
 * Given the table's lexical column, each write also answers the row's lexemes as PostgreSQL generated them
 * (`RETURNING`), so the vector cache's lexicon (scope-lexicon.ts) learns them with the write instead of
 * reading them back at the scope's next search: that read made every search after a write plan a statement
 * on the table, ~1.0 ms of the engine's thread against ~0.45 ms for the query's lexemes alone (README,
 * "Words in JS"). mem0 ignores what its store's writes return.
 */
import type { PGlite } from "@electric-sql/pglite";
import type { WritableStore } from "./vector-store-writes.js";

/** The two writes of mem0's store that carry a vector. */
export type VectorWriteStore = Pick<WritableStore, "insert" | "update">;

/** The lexical column's text form (`tsvector::text`) of each row written, in the order of the write's ids. */
export type WrittenLexemes = (string | null)[];

/**
 * pgvector's binary input: int16 dimensions, int16 unused (0), then each element as a big-endian float4.
 * A non-finite element is refused by PostgreSQL, as it is in text form.
 */
export function encodeVector(values: readonly number[]): Uint8Array {
  const bytes = new Uint8Array(4 + 4 * values.length);
  const view = new DataView(bytes.buffer);
  view.setInt16(0, values.length);
  view.setInt16(2, 0);
  for (let i = 0; i < values.length; i++) view.setFloat32(4 + 4 * i, values[i] as number);
  return bytes;
}

export async function writeVectorsInBinary(
  store: VectorWriteStore,
  db: PGlite,
  table: string,
  /** The table's generated lexical column (lexical-column.ts), when it has one: writes then answer it. */
  lexicalColumn?: string,
): Promise<void> {
  const { rows } = await db.query<{ oid: number }>("SELECT 'vector'::regtype::oid::int AS oid");
  const vectorOid = rows[0]?.oid;
  if (vectorOid === undefined) throw new Error("pgvector's vector type is missing");
  // Without a serializer for the type, PGlite would send `String(value)`; this one passes the bytes through.
  const options = { serializers: { [vectorOid]: (value: unknown) => value as string } };
  const returning = lexicalColumn ? ` RETURNING ${lexicalColumn}::text AS lex` : "";
  const insertSql = `INSERT INTO "${table}" (id, vector, payload) VALUES ($1, $2::vector, $3::jsonb)${returning}`;
  const updateSql = `UPDATE "${table}" SET vector = $1::vector, payload = $2::jsonb WHERE id = $3${returning}`;

  store.insert = async (vectors, ids, payloads) => {
    const lexemes: WrittenLexemes = [];
    for (let i = 0; i < ids.length; i++) {
      const { rows } = await db.query<{ lex?: string | null }>(
        insertSql,
        [ids[i], encodeVector(vectors[i] ?? []), payloads[i]],
        options,
      );
      lexemes.push(rows[0]?.lex ?? null);
    }
    return lexicalColumn ? lexemes : undefined;
  };
  store.update = async (id, vector, payload) => {
    const { rows } = await db.query<{ lex?: string | null }>(
      updateSql,
      [encodeVector(vector), payload, id],
      options,
    );
    return lexicalColumn ? [rows[0]?.lex ?? null] : undefined;
  };
}
