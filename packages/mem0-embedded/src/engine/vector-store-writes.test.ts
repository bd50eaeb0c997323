/**
 * The write notes on a real PGlite table; the store's failing insert is fault injection (a SQL error after
 * part of a batch may have been applied), the one case the engine tests cannot provoke.
 */
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lexicalColumnStatements } from "./lexical-column.js";
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
    },
    update: async (i, v, p) => void (await put(i, v, p)),
    delete: async (i) => void (await db.query("DELETE FROM memories WHERE id = $1", [i])),
  };
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
