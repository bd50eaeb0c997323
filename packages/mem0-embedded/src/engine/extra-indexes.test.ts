/**
 * The planner statistics that `ANALYZE` gathers on mem0's tables (real PGlite + pgvector, mem0's table
 * shapes): none for the vectors, the jsonb payload, the primary key, `lex` and mem0's own keyword expression;
 * still there, at a small target, for the scope expressions, and the scope filter's estimate stays exact.
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

/** Statistics targets of the named columns (attname) of one relation, by name. */
async function targetsOf(relation: string, columns: string[]): Promise<Record<string, number>> {
  const { rows } = await db.query<{ attname: string; target: number }>(
    "SELECT attname, attstattarget AS target FROM pg_attribute WHERE attrelid = $1::regclass AND attname = ANY($2)",
    [relation, columns],
  );
  return Object.fromEntries(rows.map((r) => [r.attname, r.target]));
}

describe("planner statistics on mem0's tables", () => {
  it("gathers none for the vectors, the payload, the primary key, lex and mem0's keyword expression", async () => {
    expect(await statsOf("memories")).toEqual([]);
    expect(await statsOf("memories_text_lemmatized_gin")).toEqual([]);
  });

  it("samples for the scope expressions at a target of 10", async () => {
    for (const key of ["user_id", "agent_id", "run_id"])
      expect(await targetsOf(`memories_${key}_idx`, ["expr"])).toEqual({ expr: 10 });
  });

  it("keeps the scope expressions' statistics, so the scope filter's estimate is exact", async () => {
    expect(await statsOf("memories_user_id_idx")).toEqual(["expr"]);
    const { rows } = await db.query<{ "QUERY PLAN": string }>(
      "EXPLAIN SELECT id FROM memories WHERE payload->>'user_id' = 'u1'",
    );
    expect(rows.map((r) => r["QUERY PLAN"]).join("\n")).toMatch(/rows=100 /);
  });

  it("sets the same on the entities table, whose shape has no lex column", async () => {
    expect(await targetsOf("memories_entities", ["vector", "payload", "id"])).toEqual({
      id: 0,
      payload: 0,
      vector: 0,
    });
  });
});
