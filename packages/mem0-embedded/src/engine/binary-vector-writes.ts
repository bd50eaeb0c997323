/**
 * mem0's pgvector store writes a vector as text (`[0.0123456789,...]` cast with `::vector`), so PostgreSQL
 * parses 384 decimal numbers per row in WebAssembly on the thread that also serves searches. Measured on this
 * package's host (a loopback pg client, 384 dimensions): 1.4-2.8 ms per INSERT as text against 0.5-1.0 ms
 * with the vector sent in pgvector's binary format (`vector_recv`), for the same stored float4 values.
 *
 * Here mem0's `insert` and `update` run the same statements on the same table (id, vector, payload), with the
 * vector as a binary parameter: PGlite sends a typed array as a binary-format value when the parameter's
 * serializer hands it through. Deletes and everything else stay mem0's.
 */
import type { PGlite } from "@electric-sql/pglite";
import type { WritableStore } from "./vector-store-writes.js";

/** The two writes of mem0's store that carry a vector. */
export type VectorWriteStore = Pick<WritableStore, "insert" | "update">;

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
): Promise<void> {
  const { rows } = await db.query<{ oid: number }>("SELECT 'vector'::regtype::oid::int AS oid");
  const vectorOid = rows[0]?.oid;
  if (vectorOid === undefined) throw new Error("pgvector's vector type is missing");
  // Without a serializer for the type, PGlite would send `String(value)`; this one passes the bytes through.
  const options = { serializers: { [vectorOid]: (value: unknown) => value as string } };
  const insertSql = `INSERT INTO "${table}" (id, vector, payload) VALUES ($1, $2::vector, $3::jsonb)`;
  const updateSql = `UPDATE "${table}" SET vector = $1::vector, payload = $2::jsonb WHERE id = $3`;

  store.insert = async (vectors, ids, payloads) => {
    for (let i = 0; i < ids.length; i++)
      await db.query(insertSql, [ids[i], encodeVector(vectors[i] ?? []), payloads[i]], options);
  };
  store.update = async (id, vector, payload) => {
    await db.query(updateSql, [encodeVector(vector), payload, id], options);
  };
}
