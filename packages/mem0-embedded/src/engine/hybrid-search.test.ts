/**
 * Hybrid search on a real PGlite + pgvector table shaped like mem0's. The dense half is a double that
 * returns a fixed pool (standing in for mem0's HNSW search, which the engine tests exercise for real), so the
 * test can place a word match outside that pool and see the lexical half bring it in.
 */
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type HybridStore, installHybridSearch, SearchRequests, type StoreHit } from "./hybrid-search.js";
import { lexicalColumnStatements } from "./lexical-column.js";
import { scopeConditions } from "./scope-conditions.js";
import { ScopeVectors } from "./scope-vectors.js";

const TABLE = "memories";
const rows = [
  {
    id: "00000000-0000-4000-8000-000000000001",
    user: "u1",
    text: "I cooked a risotto for my sister",
    v: [1, 0, 0],
  },
  {
    id: "00000000-0000-4000-8000-000000000002",
    user: "u1",
    text: "Dinner was pasta again",
    v: [0.9, 0.1, 0],
  },
  {
    id: "00000000-0000-4000-8000-000000000003",
    user: "u1",
    text: "Bought a jar of saffron at the market",
    v: [0, 1, 0],
  },
  {
    id: "00000000-0000-4000-8000-000000000004",
    user: "u2",
    text: "Saffron is my favourite spice",
    v: [0, 1, 0],
  },
];

let db: PGlite;
let denseCalls: number;
let keywordCalls: number;
let store: HybridStore;
const requests = new SearchRequests();

beforeAll(async () => {
  db = await PGlite.create({ extensions: { vector } });
  await db.exec("CREATE EXTENSION IF NOT EXISTS vector");
  await db.exec(`CREATE TABLE ${TABLE} (id UUID PRIMARY KEY, vector vector(3), payload JSONB)`);
  for (const sql of lexicalColumnStatements(TABLE)) await db.exec(sql);
  for (const r of rows)
    await db.query(`INSERT INTO ${TABLE} (id, vector, payload) VALUES ($1, $2::vector, $3::jsonb)`, [
      r.id,
      `[${r.v.join(",")}]`,
      { data: r.text, user_id: r.user },
    ]);
  const pool: StoreHit[] = rows
    .slice(0, 2)
    .map((r, i) => ({ id: r.id, payload: { data: r.text, user_id: r.user }, score: 0.9 - i * 0.1 }));
  store = {
    search: async () => {
      denseCalls++;
      return pool;
    },
    keywordSearch: async () => {
      keywordCalls++;
      return [];
    },
  };
  installHybridSearch(store, db, { table: TABLE, requests });
});

afterAll(async () => {
  await db?.close();
});

/** What mem0's search does inside the REST route: embed the query (bound to the request), then search. */
function searchAs(
  on: HybridStore,
  query: string,
  threshold: number,
  vector: number[],
  filters: Record<string, unknown>,
): Promise<StoreHit[]> {
  return requests.run(query, threshold, () => {
    requests.bindQueryVector(query, vector);
    return on.search(vector, 60, filters);
  });
}

describe("installHybridSearch", () => {
  it("adds a word match from outside the dense pool, with its own cosine, and turns mem0's keyword term off", async () => {
    denseCalls = 0;
    keywordCalls = 0;
    // mem0 hands the filters object it gave `search` to `keywordSearch`.
    const filters = { user_id: "u1" };
    const query = "where did I buy saffron?";
    const { hits, keyword } = await requests.run(query, 0.1, async () => {
      const vector = [0, 1, 0];
      requests.bindQueryVector(query, vector);
      return {
        hits: await store.search(vector, 60, filters),
        keyword: await store.keywordSearch?.("saffron", 60, filters),
      };
    });
    expect(denseCalls).toBe(1);
    expect(keyword).toBeNull();
    expect(keywordCalls).toBe(0);
    const ids = hits.map((h) => h.id);
    expect(ids).toContain(rows[2]?.id);
    expect(ids[0]).toBe(rows[2]?.id);
    expect(hits.find((h) => h.id === rows[2]?.id)?.payload).toEqual({ data: rows[2]?.text, user_id: "u1" });
    for (const h of hits) expect(h.score).toBeGreaterThanOrEqual(0);
  });

  it("never brings in another scope's word match", async () => {
    const hits = await searchAs(store, "saffron", 0.1, [0, 1, 0], { user_id: "u1" });
    expect(hits.map((h) => h.id)).not.toContain(rows[3]?.id);
    const other = await searchAs(store, "saffron", 0.1, [0, 1, 0], { user_id: "u3" });
    expect(other.map((h) => h.id)).not.toContain(rows[3]?.id);
  });

  it("stays dense-only outside a search request and for filters it cannot translate", async () => {
    const outside = await store.search([0, 1, 0], 60, { user_id: "u1" });
    expect(outside.map((h) => h.id)).not.toContain(rows[2]?.id);
    keywordCalls = 0;
    await store.keywordSearch?.("saffron", 60, { user_id: "u1" });
    expect(keywordCalls).toBe(1);
    const advanced = await searchAs(store, "saffron", 0.1, [0, 1, 0], {
      user_id: "u1",
      $or: [{ topic: "food" }],
    });
    expect(advanced.map((h) => h.id)).not.toContain(rows[2]?.id);
  });

  it("binds a query vector only to its own engine's requests, the oldest of that text first", async () => {
    const otherEngine = new SearchRequests();
    const [first, second, elsewhere] = [
      [0, 1, 0],
      [0, 1, 0],
      [0, 1, 0],
    ];
    await requests.run("saffron", 0.5, () =>
      requests.run("saffron", 0.9, async () => {
        otherEngine.bindQueryVector("saffron", elsewhere);
        requests.bindQueryVector("saffron", first);
        requests.bindQueryVector("saffron", second);
        requests.bindQueryVector("pasta", elsewhere);
      }),
    );
    expect(requests.requestOf(first)?.threshold).toBe(0.5);
    expect(requests.requestOf(second)?.threshold).toBe(0.9);
    expect([otherEngine.requestOf(elsewhere), requests.requestOf(elsewhere)]).toEqual([undefined, undefined]);
  });

  it("applies the threshold to the cosine, halved for a word match", async () => {
    const hits = await searchAs(store, "saffron", 0.85, [0, 1, 0], { user_id: "u1" });
    // risotto: cosine 0.9, kept; pasta: 0.8 and no word match, dropped; saffron: cosine 1 and the word.
    expect(hits.map((h) => h.id).sort()).toEqual([rows[0]?.id, rows[2]?.id].sort());
    const pasta = await searchAs(store, "pasta", 0.85, [1, 0, 0], { user_id: "u1" });
    expect(pasta.map((h) => h.id)).toContain(rows[1]?.id);
  });

  it("keeps the lexical column current when a memory's text changes", async () => {
    await db.query(`UPDATE ${TABLE} SET payload = $1::jsonb WHERE id = $2`, [
      { data: "Pasta with saffron tonight", user_id: "u1" },
      rows[1]?.id,
    ]);
    const hits = await searchAs(store, "saffron", 0.1, [1, 0, 0], { user_id: "u1" });
    const pasta = hits.find((h) => h.id === rows[1]?.id);
    const risotto = hits.find((h) => h.id === rows[0]?.id);
    expect(pasta?.score).toBeGreaterThan(risotto?.score ?? 1);
  });
});

describe("installHybridSearch with cached scopes (vectors and lexemes in JS)", () => {
  const CACHED = "memories_cached";
  const id = (n: number) => `00000000-0000-4000-8000-1000000000${String(n).padStart(2, "0")}`;
  let cache: ScopeVectors;
  let cached: HybridStore;
  let sqlDenseCalls = 0;

  const write = async (n: number, user: string, text: string, v: number[]) => {
    await db.query(
      `INSERT INTO ${CACHED} (id, vector, payload) VALUES ($1, $2::vector, $3::jsonb) ` +
        "ON CONFLICT (id) DO UPDATE SET vector = EXCLUDED.vector, payload = EXCLUDED.payload",
      [id(n), `[${v.join(",")}]`, { data: text, user_id: user }],
    );
    // What the engine's store wrapper (vector-store-writes.ts) does after mem0's write succeeded.
    cache.noteUpdated(id(n), v, { data: text, user_id: user });
  };
  const search = async (query: string, v: number[]) =>
    (await searchAs(cached, query, 0.1, v, { user_id: "u1" })).map((h) => h.id);

  beforeAll(async () => {
    await db.exec(`CREATE TABLE ${CACHED} (id UUID PRIMARY KEY, vector vector(3), payload JSONB)`);
    for (const sql of lexicalColumnStatements(CACHED)) await db.exec(sql);
    cache = new ScopeVectors({ db, table: CACHED, dimensions: 3, maxRows: 100 });
    cached = {
      search: async () => {
        sqlDenseCalls++;
        return [];
      },
    };
    installHybridSearch(cached, db, { table: CACHED, vectors: cache, requests });
    await write(1, "u1", "I cooked a risotto for my sister", [1, 0, 0]);
    await write(2, "u1", "Dinner was pasta again", [0.9, 0.1, 0]);
    await write(3, "u2", "Saffron is my favourite spice", [0, 1, 0]);
  });

  it("finds a word match far from the query vector, and never another scope's", async () => {
    // Both u1 rows are about as close to this vector (cosine ~0.29 and ~0.28): the word decides.
    const ids = await search("where did I cook risotto?", [0.3, 0, 1]);
    expect(ids[0]).toBe(id(1));
    expect(await search("saffron", [0, 1, 0])).not.toContain(id(3));
    expect(sqlDenseCalls).toBe(0);
    expect((await cache.cachedScope(scopeOf("u1")))?.lexicon.size).toBe(2);
  });

  it("answers a search outside a request from the cached scope: dense only, payloads from the cache", async () => {
    const hits = await cached.search([1, 0, 0], 60, { user_id: "u1" });
    expect(hits.map((h) => h.id)).toEqual([id(1), id(2)]);
    expect(hits[0]).toMatchObject({ payload: { data: "I cooked a risotto for my sister", user_id: "u1" } });
    expect(sqlDenseCalls).toBe(0);
  });

  it("answers a cached scope's search with one statement (the query's lexemes), payloads from the cache", async () => {
    await search("warm", [1, 0, 0]);
    const statements: string[] = [];
    const query = db.query.bind(db);
    db.query = ((sql: string, ...rest: unknown[]) => {
      statements.push(sql);
      return (query as (...a: unknown[]) => unknown)(sql, ...rest);
    }) as typeof db.query;
    try {
      const hits = await searchAs(cached, "risotto", 0.1, [1, 0, 0], { user_id: "u1" });
      expect(hits.map((h) => h.payload.data)).toContain("I cooked a risotto for my sister");
    } finally {
      db.query = query;
    }
    expect(statements).toHaveLength(1);
    expect(statements[0]).toContain("to_tsvector");
  });

  it("reads the lexemes of rows written after the scope loaded, and follows updates and deletes", async () => {
    const lexicon = (await cache.cachedScope(scopeOf("u1")))?.lexicon;
    const holds = (word: string) => lexicon?.scores([word]).has(id(4));
    // Row 4 has row 1's vector, so the two tie on the cosine (~0.29) and the word decides.
    const query = [0.3, 0, 1];
    await write(4, "u1", "Bought saffron buns at the bakery", [1, 0, 0]);
    expect(lexicon?.pending().size).toBe(1);
    expect((await search("saffron", query))[0]).toBe(id(4));
    expect([lexicon?.pending().size, holds("saffron")]).toEqual([0, true]);
    await write(4, "u1", "Bought cinnamon buns at the bakery", [1, 0, 0]);
    const hits = await searchAs(cached, "cinnamon", 0.1, query, { user_id: "u1" });
    expect(hits[0]).toMatchObject({ id: id(4), payload: { data: "Bought cinnamon buns at the bakery" } });
    expect([holds("saffron"), holds("cinnamon")]).toEqual([false, true]);
    await db.query(`DELETE FROM ${CACHED} WHERE id = $1`, [id(4)]);
    cache.noteDeleted(id(4));
    expect(await search("cinnamon", query)).not.toContain(id(4));
    expect(holds("cinnamon")).toBe(false);
  });
});

function scopeOf(user: string) {
  const scope = scopeConditions({ user_id: user }, 1);
  if (!scope) throw new Error("no scope");
  return scope;
}
