/**
 * The write notes on a real PGlite table; the store's failing insert is fault injection (a SQL error after
 * part of a batch may have been applied), the one case the engine tests cannot provoke.
 */
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeVectorsInBinary } from "./binary-vector-writes.js";
import { LEXICAL_COLUMN, lexicalColumnStatements } from "./lexical-column.js";
import { scopeConditions } from "./scope-conditions.js";
import { ScopeVectors } from "./scope-vectors.js";
import { noteStoreWrites, type WritableStore } from "./vector-store-writes.js";

let db: PGlite;
const scope = scopeConditions({ user_id: "u1" }, 1);
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

beforeAll(async () => {
  db = await PGlite.create({ extensions: { vector } });
  await db.exec("CREATE EXTENSION IF NOT EXISTS vector");
  await db.exec("CREATE TABLE memories (id UUID PRIMARY KEY, vector vector(2), payload JSONB)");
  for (const sql of lexicalColumnStatements("memories")) await db.exec(sql);
});
afterAll(() => db?.close());

function sqlStore(failInsertAfter = Number.POSITIVE_INFINITY): WritableStore {
  let inserted = 0;
  const put = (i: string, v: number[], p: Record<string, unknown>) =>
    db.query(
      "INSERT INTO memories (id, vector, payload) VALUES ($1, $2::vector, $3) ON CONFLICT (id) DO UPDATE SET vector = $2, payload = $3",
      [i, `[${v.join(",")}]`, p],
    );
  return {
    async insert(vs, ids, ps) {
      for (const [i, rowId] of ids.entries()) {
        if (inserted++ >= failInsertAfter) throw new Error("injected: connection lost mid-batch");
        await put(rowId, vs[i] as number[], ps[i] as Record<string, unknown>);
      }
      return undefined; // mem0's own store answers no lexemes
    },
    update: async (i, v, p) => void (await put(i, v, p)),
    delete: async (i) => void (await db.query("DELETE FROM memories WHERE id = $1", [i])),
  };
}

/** The engine's own arrangement: binary writes that read the lexemes back, noted on a cache. */
async function engineWrites(): Promise<{ store: WritableStore; cache: ScopeVectors }> {
  const cache = new ScopeVectors({ db, table: "memories", dimensions: 2, maxRows: 100 });
  const store = sqlStore();
  await writeVectorsInBinary(store, db, "memories", LEXICAL_COLUMN);
  noteStoreWrites(store, cache);
  return { store, cache };
}

describe("noteStoreWrites", () => {
  it("applies each successful write to the cached scope", async () => {
    if (!scope) throw new Error("no scope");
    const cache = new ScopeVectors({ db, table: "memories", dimensions: 2, maxRows: 100 });
    const store = sqlStore();
    noteStoreWrites(store, cache);
    const matrix = (await cache.cachedScope(scope))?.matrix;
    await store.insert(
      [
        [1, 0],
        [0, 1],
      ],
      [id(1), id(2)],
      [{ user_id: "u1" }, { user_id: "u2" }],
    );
    expect([matrix?.has(id(1)), matrix?.has(id(2))]).toEqual([true, false]);
    await store.update(id(2), [0, 1], { user_id: "u1" });
    expect(matrix?.has(id(2))).toBe(true);
    await store.delete(id(1));
    expect(matrix?.has(id(1))).toBe(false);
    expect(cache.size).toBe(1);
  });

  it("hands the lexemes the engine's writes read back to the lexicon: nothing left to read at the next search", async () => {
    if (!scope) throw new Error("no scope");
    const { store, cache } = await engineWrites();
    const lexicon = (await cache.cachedScope(scope))?.lexicon;
    await store.insert([[1, 1]], [id(5)], [{ user_id: "u1", data: "Maya adopted two kittens" }]);
    expect(lexicon?.pending().size).toBe(0);
    expect(lexicon?.scores(["kitten"]).get(id(5))).toBeGreaterThan(0);

    await store.update(id(5), [1, 1], { user_id: "u1", data: "Maya sold her bicycle" });
    expect(lexicon?.pending().size).toBe(0);
    expect(lexicon?.scores(["kitten"]).has(id(5))).toBe(false);
    expect(lexicon?.scores(["bicycl"]).get(id(5))).toBeGreaterThan(0);
    // What the lexicon holds is the column PostgreSQL generated.
    const { rows } = await db.query<{ lex: string }>("SELECT lex::text AS lex FROM memories WHERE id = $1", [
      id(5),
    ]);
    expect(rows[0]?.lex).toBe("'bicycl':4 'maya':1 'sold':2");
  });

  it("keeps the cached scopes when a unique index refuses a one-row insert: it changed nothing", async () => {
    if (!scope) throw new Error("no scope");
    const { store, cache } = await engineWrites();
    const before = await cache.cachedScope(scope);
    await store.insert([[0, 1]], [id(6)], [{ user_id: "u1", data: "first" }]);
    // The same id again: the primary key refuses it (a redelivered outbox job meets its unique index so).
    await expect(store.insert([[1, 0]], [id(6)], [{ user_id: "u1", data: "again" }])).rejects.toMatchObject({
      code: "23505",
    });
    expect(await cache.cachedScope(scope)).toBe(before);
    expect(before?.payloads.get(id(6))).toEqual({ user_id: "u1", data: "first" });
  });

  it("drops every cached scope when a write fails part-way, so the next search reloads what the table holds", async () => {
    if (!scope) throw new Error("no scope");
    const cache = new ScopeVectors({ db, table: "memories", dimensions: 2, maxRows: 100 });
    const store = sqlStore(1);
    noteStoreWrites(store, cache);
    const before = (await cache.cachedScope(scope))?.matrix;
    await expect(
      store.insert(
        [
          [1, 1],
          [1, -1],
        ],
        [id(3), id(4)],
        [{ user_id: "u1" }, { user_id: "u1" }],
      ),
    ).rejects.toThrow("injected");
    expect(cache.size).toBe(0);
    const after = (await cache.cachedScope(scope))?.matrix;
    expect(after).not.toBe(before);
    expect(after?.has(id(3))).toBe(true); // the row that did go in before the failure
    expect(after?.has(id(4))).toBe(false);
  });
});
