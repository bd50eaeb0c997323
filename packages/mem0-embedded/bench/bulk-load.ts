/**
 * Bulk loading for the benchmark. Going through `add()` costs a few ms per row (the embedding, one statement
 * per row, mem0's history row), minutes for 100k rows. Instead:
 *  1. every row's payload is built by mem0's own `createMemory` (the code `add(infer:false)` runs: text,
 *     md5 hash, textLemmatized, createdAt, ids), with its vector inserts captured instead of executed;
 *  2. the rows go into mem0's `memories` table 2,000 at a time with one `INSERT ... SELECT unnest(...)`;
 *  3. the GIN and btree indexes (and an HNSW index a data dir from before the vectors moved to JS may hold)
 *     are dropped before; the GIN and btree ones are built once after, then ANALYZE.
 * History rows are not written (search never reads them).
 */
import type { PGlite } from "@electric-sql/pglite";
import { extraIndexStatements } from "../src/engine/extra-indexes.js";

export interface LoadRow {
  text: string;
  userId: string;
}

type CreateMemory = (
  this: unknown,
  data: string,
  embeddings: Record<string, number[]>,
  metadata: Record<string, unknown>,
) => Promise<string>;

interface Captured {
  id: string;
  vector: number[];
  payload: Record<string, unknown>;
}

const BATCH = 2_000;

/** Requires the env prepared by prepareMem0ProcessEnv (telemetry off) before it is first called. */
async function payloadBuilder(): Promise<
  (text: string, vector: number[], userId: string) => Promise<Captured>
> {
  const { Memory } = await import("mem0ai/oss");
  const createMemory = (Memory.prototype as unknown as { createMemory: CreateMemory }).createMemory;
  let captured: Captured | undefined;
  const fakeThis = {
    embedder: { embed: async () => [] },
    vectorStore: {
      insert: async (vectors: number[][], ids: string[], payloads: Record<string, unknown>[]) => {
        captured = {
          id: ids[0] as string,
          vector: vectors[0] as number[],
          payload: payloads[0] as Record<string, unknown>,
        };
      },
    },
    db: { addHistory: async () => undefined },
  };
  return async (text, vector, userId) => {
    await createMemory.call(fakeThis, text, { [text]: vector }, { user_id: userId, role: "user" });
    if (!captured) throw new Error("mem0 createMemory did not insert");
    return captured;
  };
}

export async function dropSearchIndexes(db: PGlite): Promise<void> {
  await db.exec('DROP INDEX IF EXISTS "memories_hnsw_idx"');
  for (const name of ["user_id_idx", "agent_id_idx", "run_id_idx", "text_lemmatized_gin"])
    await db.exec(`DROP INDEX IF EXISTS "memories_${name}"`);
}

export async function buildSearchIndexes(db: PGlite): Promise<void> {
  await db.exec("SET maintenance_work_mem = '512MB'");
  for (const sql of extraIndexStatements("memories")) await db.exec(sql);
  await db.exec('ANALYZE "memories"');
}

/** Inserts rows (indexes must already be dropped); returns the number inserted. */
export async function insertRows(
  db: PGlite,
  rows: LoadRow[],
  embed: (texts: string[]) => Promise<number[][]>,
): Promise<number> {
  const build = await payloadBuilder();
  for (let i = 0; i < rows.length; i += BATCH) {
    const chunk = rows.slice(i, i + BATCH);
    const vectors = await embed(chunk.map((r) => r.text));
    const built: Captured[] = [];
    for (let j = 0; j < chunk.length; j++) {
      const row = chunk[j] as LoadRow;
      built.push(await build(row.text, vectors[j] as number[], row.userId));
    }
    await db.query(
      "INSERT INTO memories (id, vector, payload) SELECT * FROM unnest($1::uuid[], $2::vector[], $3::jsonb[])",
      [
        built.map((b) => b.id),
        built.map((b) => `[${b.vector.join(",")}]`),
        built.map((b) => JSON.stringify(b.payload)),
      ],
    );
  }
  return rows.length;
}
