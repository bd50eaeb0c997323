/**
 * ScopeVectors on a real PGlite + pgvector table shaped like mem0's: its answers must equal pgvector's exact
 * search of the same scope, and stay equal through writes, including writes that race a scope's load.
 */
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bm25Scores, parseTsvector } from "./bm25.js";
import { lexicalColumnStatements } from "./lexical-column.js";
import { scopeConditions } from "./scope-conditions.js";
import { ScopeVectors } from "./scope-vectors.js";

const TABLE = "memories";
const DIMS = 8;
let db: PGlite;
let next = 0;

function vectorOf(seed: number): number[] {
  let x = seed * 2654435761;
  return Array.from({ length: DIMS }, () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648 - 0.5;
  });
}

function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString().padStart(12, "0")}`;
}

async function insert(user: string): Promise<{ id: string; v: number[]; payload: Record<string, unknown> }> {
  const id = uuid(++next);
  const v = vectorOf(next);
  const payload = { user_id: user, data: `memory ${next}` };
  await db.query(`INSERT INTO ${TABLE} (id, vector, payload) VALUES ($1, $2::vector, $3::jsonb)`, [
    id,
    `[${v.join(",")}]`,
    payload,
  ]);
  return { id, v, payload };
}

/**
 * pgvector's exact answer for the scope (a sequential scan: there is no vector index here). A row without a
 * vector sorts last in SQL with no score; the cache leaves it out.
 */
async function pgvectorTop(user: string, query: number[], k: number): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id::text AS id FROM ${TABLE} WHERE payload->>'user_id' = $1 AND vector IS NOT NULL ORDER BY vector <=> $2::vector LIMIT $3`,
    [user, `[${query.join(",")}]`, k],
  );
  return rows.map((r) => r.id);
}

const scopeOf = (user: string) => {
  const s = scopeConditions({ user_id: user }, 1);
  if (!s) throw new Error("no scope");
  return s;
};

beforeAll(async () => {
  db = await PGlite.create({ extensions: { vector } });
  await db.exec("CREATE EXTENSION IF NOT EXISTS vector");
  await db.exec(`CREATE TABLE ${TABLE} (id UUID PRIMARY KEY, vector vector(${DIMS}), payload JSONB)`);
  for (const sql of lexicalColumnStatements(TABLE)) await db.exec(sql);
  for (let i = 0; i < 60; i++) await insert(i % 3 === 0 ? "u2" : "u1");
  // A row without a vector (as a payload-only insert leaves it) is never a dense hit.
  await db.query(`INSERT INTO ${TABLE} (id, payload) VALUES ($1, $2)`, [uuid(9999), { user_id: "u1" }]);
});

afterAll(async () => {
  await db?.close();
});

describe("ScopeVectors", () => {
  it("answers a scope exactly as pgvector's exact search does, and never with another scope's rows", async () => {
    const cache = new ScopeVectors({ db, table: TABLE, dimensions: DIMS, maxRows: 1000 });
    const query = vectorOf(4242);
    const matrix = (await cache.cachedScope(scopeOf("u1")))?.matrix;
    expect(matrix?.size).toBe(40);
    expect(matrix?.nearest(query, 10).map((h) => h.id)).toEqual(await pgvectorTop("u1", query, 10));
    expect(cache.size).toBe(40);
  });

  it("holds the scope's lexemes as PostgreSQL generated them: BM25 equals the SQL match's", async () => {
    const cache = new ScopeVectors({ db, table: TABLE, dimensions: DIMS, maxRows: 1000 });
    const lexicon = (await cache.cachedScope(scopeOf("u1")))?.lexicon;
    const lexemes = ["memori", "7", "12"];
    const { rows } = await db.query<{ id: string; lex: string }>(
      `SELECT id::text AS id, lex::text AS lex FROM ${TABLE} WHERE payload->>'user_id' = 'u1' AND vector IS NOT NULL AND lex @@ $1::tsquery`,
      [lexemes.join(" | ")],
    );
    const { rows: stats } = await db.query<{ n: number; avg: number }>(
      `SELECT count(*)::int AS n, avg(length(lex))::float8 AS avg FROM ${TABLE} WHERE payload->>'user_id' = 'u1' AND vector IS NOT NULL`,
    );
    const expected = bm25Scores(
      lexemes,
      rows.map((r) => parseTsvector(r.id, r.lex)),
      { documents: stats[0]?.n ?? 0, averageLength: stats[0]?.avg ?? 0 },
    );
    expect(expected.size).toBe(40);
    const scores = lexicon?.scores(lexemes);
    expect([...(scores?.keys() ?? [])].sort()).toEqual([...expected.keys()].sort());
    for (const [id, score] of expected) expect(scores?.get(id)).toBeCloseTo(score, 12);
  });

  it("keeps a cached scope in step with inserts, updates that move a row between scopes, and deletes", async () => {
    const cache = new ScopeVectors({ db, table: TABLE, dimensions: DIMS, maxRows: 1000 });
    const u1 = (await cache.cachedScope(scopeOf("u1")))?.matrix;
    const u2 = (await cache.cachedScope(scopeOf("u2")))?.matrix;
    const added = await insert("u1");
    cache.noteInserted([added.id], [added.v], [added.payload]);
    expect(u1?.has(added.id)).toBe(true);
    expect(u2?.has(added.id)).toBe(false);

    const moved = { ...added.payload, user_id: "u2" };
    await db.query(`UPDATE ${TABLE} SET payload = $1 WHERE id = $2`, [moved, added.id]);
    cache.noteUpdated(added.id, added.v, moved);
    expect(u1?.has(added.id)).toBe(false);
    expect(u2?.has(added.id)).toBe(true);

    await db.query(`DELETE FROM ${TABLE} WHERE id = $1`, [added.id]);
    cache.noteDeleted(added.id);
    expect(u2?.has(added.id)).toBe(false);
    const query = vectorOf(7);
    expect(u1?.nearest(query, 50).map((h) => h.id)).toEqual(await pgvectorTop("u1", query, 50));
    expect(u2?.nearest(query, 50).map((h) => h.id)).toEqual(await pgvectorTop("u2", query, 50));
    expect(cache.size).toBe((u1?.size ?? 0) + (u2?.size ?? 0));
  });

  it("replays writes noted while a scope loads, whichever ran first in PGlite", async () => {
    const cache = new ScopeVectors({ db, table: TABLE, dimensions: DIMS, maxRows: 1000 });
    const before = await insert("u3"); // in the table before the load starts
    const loading = cache.cachedScope(scopeOf("u3")).then((c) => c?.matrix);
    const during = await insert("u3"); // PGlite runs this after the load's SELECT
    cache.noteInserted([during.id], [during.v], [during.payload]);
    await db.query(`DELETE FROM ${TABLE} WHERE id = $1`, [before.id]);
    cache.noteDeleted(before.id);
    const matrix = await loading;
    expect(matrix?.has(during.id)).toBe(true);
    expect(matrix?.has(before.id)).toBe(false);
    expect(matrix?.size).toBe(1);
  });

  it("evicts the least recently searched scope past its row budget, and refuses a scope larger than it", async () => {
    const cache = new ScopeVectors({ db, table: TABLE, dimensions: DIMS, maxRows: 45 });
    await cache.cachedScope(scopeOf("u2")); // 20 rows
    await cache.cachedScope(scopeOf("u3")); // 1 row
    await cache.cachedScope(scopeOf("u2")); // u3 is now the oldest
    expect(cache.size).toBe(21);
    const u1 = (await cache.cachedScope(scopeOf("u1")))?.matrix; // 40 rows: both others must go
    expect(u1?.size).toBe(40);
    expect(cache.size).toBe(40);

    const small = new ScopeVectors({ db, table: TABLE, dimensions: DIMS, maxRows: 10 });
    expect(await small.cachedScope(scopeOf("u1"))).toBeNull();
    expect(small.size).toBe(0);
  });

  it("keeps overlapping scopes in step: user, agent, both, a list and a flag, through moves, deletes and an eviction", async () => {
    const cache = new ScopeVectors({ db, table: TABLE, dimensions: DIMS, maxRows: 1000 });
    const scopes = [
      { user_id: "ov-a" },
      { agent_id: "ov-bot" },
      { agent_id: "ov-bot", user_id: "ov-a" },
      { user_id: ["ov-a", "ov-b"] },
      { pinned: true, user_id: "ov-b" },
    ].map((filters) => scopeConditions(filters, 1) as NonNullable<ReturnType<typeof scopeConditions>>);
    const write = async (payload: Record<string, unknown>) => {
      const id = uuid(++next);
      const v = vectorOf(next);
      await db.query(`INSERT INTO ${TABLE} (id, vector, payload) VALUES ($1, $2::vector, $3::jsonb)`, [
        id,
        `[${v.join(",")}]`,
        payload,
      ]);
      cache.noteInserted([id], [v], [payload]);
      return { id, v };
    };
    await write({ user_id: "ov-a", agent_id: "ov-bot", data: "before the loads" });
    for (const scope of scopes) await cache.cachedScope(scope);
    const a = await write({ user_id: "ov-a", data: "a" });
    const ab = await write({ user_id: "ov-a", agent_id: "ov-bot", data: "a with the bot" });
    const b = await write({ user_id: "ov-b", pinned: true, data: "b pinned" });
    await write({ user_id: "ov-c", agent_id: "ov-bot", data: "c with the bot" });
    // Moves: a to b (unpinned), ab loses its agent, b unpinned; then a delete.
    for (const [row, payload] of [
      [a, { user_id: "ov-b", data: "a" }],
      [ab, { user_id: "ov-a", data: "a with the bot" }],
      [b, { user_id: "ov-b", pinned: false, data: "b pinned" }],
    ] as const) {
      await db.query(`UPDATE ${TABLE} SET payload = $1 WHERE id = $2`, [payload, row.id]);
      cache.noteUpdated(row.id, row.v, payload);
    }
    await db.query(`DELETE FROM ${TABLE} WHERE id = $1`, [ab.id]);
    cache.noteDeleted(ab.id);
    await write({ user_id: "ov-b", pinned: true, data: "b pinned again" });

    const expectInStep = async (scope: (typeof scopes)[number]) => {
      const { rows } = await db.query<{ id: string }>(
        `SELECT id::text AS id FROM ${TABLE} WHERE ${scope.sql} AND vector IS NOT NULL`,
        scope.params,
      );
      const held = await cache.cachedScope(scope);
      expect([...(held?.payloads.keys() ?? [])].sort(), scope.key).toEqual(rows.map((r) => r.id).sort());
      expect(held?.matrix.size, scope.key).toBe(rows.length);
    };
    for (const scope of scopes) await expectInStep(scope);

    // Evicted and loaded again, a scope is followed as before.
    const small = new ScopeVectors({ db, table: TABLE, dimensions: DIMS, maxRows: 4 });
    await small.cachedScope(scopes[0] as (typeof scopes)[number]);
    await small.cachedScope(scopes[4] as (typeof scopes)[number]);
    const moved = { user_id: "ov-b", pinned: true, data: "a, pinned" };
    await db.query(`UPDATE ${TABLE} SET payload = $1 WHERE id = $2`, [moved, a.id]);
    small.noteUpdated(a.id, a.v, moved);
    const pinned = await small.cachedScope(scopes[4] as (typeof scopes)[number]);
    expect(pinned?.payloads.has(a.id)).toBe(true);
  });

  it("visits only the cached scopes a write can concern, however many are cached", async () => {
    const cache = new ScopeVectors({ db, table: TABLE, dimensions: DIMS, maxRows: 1000 });
    let visits = 0;
    const counted = (filters: Record<string, unknown>) => {
      const scope = scopeConditions(filters, 1) as NonNullable<ReturnType<typeof scopeConditions>>;
      const matches = scope.matches;
      const visited = (payload: Record<string, unknown>) => {
        visits++;
        return matches(payload);
      };
      return { ...scope, matches: visited };
    };
    for (let i = 0; i < 300; i++) await cache.cachedScope(counted({ user_id: `many-${i}` }));
    const own = counted({ user_id: "many-7" });
    const held = await cache.cachedScope(own);
    visits = 0;
    const row = await insert("many-7");
    cache.noteInserted([row.id], [row.v], [row.payload]);
    expect(held?.payloads.has(row.id)).toBe(true);
    expect(visits).toBe(1);
    visits = 0;
    cache.noteDeleted(row.id);
    expect(held?.payloads.has(row.id)).toBe(false);
    expect(visits).toBe(0);
  });

  it("drops a load that a clear() overtook, and loads afresh next time", async () => {
    const cache = new ScopeVectors({ db, table: TABLE, dimensions: DIMS, maxRows: 1000 });
    const loading = cache.cachedScope(scopeOf("u1"));
    cache.clear();
    expect(await loading).toBeNull();
    expect((await cache.cachedScope(scopeOf("u1")))?.matrix.size).toBe(40);
  });
});
