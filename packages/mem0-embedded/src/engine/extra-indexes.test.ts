/**
 * The planner statistics that `ANALYZE` gathers on mem0's tables (real PGlite + pgvector, mem0's table
 * shapes): none for the vectors, the jsonb payload and mem0's own keyword expression; still there for the
 * scope expressions and the `lex` column, and the scope filter's estimate stays exact.
 */
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureExtraIndexes } from "./extra-indexes.js";

let db: PGlite;

beforeAll(async () => {
  db = await PGlite.create({ extensions: { vector } });
  await db.exec("CREATE EXTENSION IF NOT EXISTS vector");
  for (const table of ["memories", "memories_entities"])
    await db.exec(`CREATE TABLE "${table}" (id UUID PRIMARY KEY, vector vector(3), payload JSONB)`);
  await ensureExtraIndexes(db);
  for (let i = 0; i < 400; i++)
    await db.query(
      "INSERT INTO memories (id, vector, payload) VALUES (gen_random_uuid(), $1::vector, $2::jsonb)",
      [
        `[${i % 7},${i % 5},1]`,
        {
          data: `note ${i} about ${i % 2 ? "hiking" : "coffee"}`,
          textLemmatized: `note ${i}`,
          user_id: `u${i % 4}`,
        },
      ],
    );
  await db.exec('ANALYZE "memories"');
});
afterAll(() => db?.close());

/** The names pg_stats has statistics for on a table or index (expression columns are named by the index). */
async function statsOf(relation: string): Promise<string[]> {
  const { rows } = await db.query<{ attname: string }>(
    "SELECT attname FROM pg_stats WHERE tablename = $1 ORDER BY attname",
    [relation],
  );
  return rows.map((r) => r.attname);
}

describe("planner statistics on mem0's tables", () => {
  it("gathers none for the vectors, the payload and mem0's keyword expression", async () => {
    const onTable = await statsOf("memories");
    expect(onTable).toContain("lex");
    expect(onTable).toContain("id");
    expect(onTable).not.toContain("vector");
    expect(onTable).not.toContain("payload");
    expect(await statsOf("memories_text_lemmatized_gin")).toEqual([]);
  });

  it("keeps the scope expressions' statistics, so the scope filter's estimate is exact", async () => {
    expect(await statsOf("memories_user_id_idx")).toEqual(["expr"]);
    const { rows } = await db.query<{ "QUERY PLAN": string }>(
      "EXPLAIN SELECT id FROM memories WHERE payload->>'user_id' = 'u1'",
    );
    expect(rows.map((r) => r["QUERY PLAN"]).join("\n")).toMatch(/rows=100 /);
  });

  it("sets the same on the entities table, whose shape has no lex column", async () => {
    const { rows } = await db.query<{ attname: string; target: number | null }>(
      "SELECT attname, attstattarget AS target FROM pg_attribute " +
        "WHERE attrelid = 'memories_entities'::regclass AND attname IN ('vector', 'payload') ORDER BY attname",
    );
    expect(rows).toEqual([
      { attname: "payload", target: 0 },
      { attname: "vector", target: 0 },
    ]);
  });
});
