/**
 * Hybrid search on a real PGlite + pgvector table shaped like mem0's. The dense half is a double that
 * returns a fixed pool (standing in for mem0's HNSW search, which the engine tests exercise for real), so the
 * test can place a word match outside that pool and see the lexical half bring it in.
 */
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type HybridStore,
  installHybridSearch,
  isSearchRequest,
  type StoreHit,
  withSearchQuery,
} from "./hybrid-search.js";
import { lexicalColumnStatements } from "./lexical-column.js";

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
  installHybridSearch(store, db, { table: TABLE });
});

afterAll(async () => {
  await db?.close();
});

describe("installHybridSearch", () => {
  it("adds a word match from outside the dense pool, with its own cosine, and turns mem0's keyword term off", async () => {
    denseCalls = 0;
    keywordCalls = 0;
    const { hits, keyword } = await withSearchQuery("where did I buy saffron?", 0.1, async () => ({
      hits: await store.search([0, 1, 0], 60, { user_id: "u1" }),
      keyword: await store.keywordSearch?.("saffron", 60, { user_id: "u1" }),
    }));
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
    const hits = await withSearchQuery("saffron", 0.1, () => store.search([0, 1, 0], 60, { user_id: "u1" }));
    expect(hits.map((h) => h.id)).not.toContain(rows[3]?.id);
    const other = await withSearchQuery("saffron", 0.1, () => store.search([0, 1, 0], 60, { user_id: "u3" }));
    expect(other.map((h) => h.id)).not.toContain(rows[3]?.id);
  });

  it("stays dense-only outside a search request and for filters it cannot translate", async () => {
    expect(isSearchRequest()).toBe(false);
    const outside = await store.search([0, 1, 0], 60, { user_id: "u1" });
    expect(outside.map((h) => h.id)).not.toContain(rows[2]?.id);
    keywordCalls = 0;
    await store.keywordSearch?.("saffron", 60, { user_id: "u1" });
    expect(keywordCalls).toBe(1);
    const advanced = await withSearchQuery("saffron", 0.1, () =>
      store.search([0, 1, 0], 60, { user_id: "u1", $or: [{ topic: "food" }] }),
    );
    expect(advanced.map((h) => h.id)).not.toContain(rows[2]?.id);
  });

  it("applies the threshold to the cosine, halved for a word match", async () => {
    const hits = await withSearchQuery("saffron", 0.85, () => store.search([0, 1, 0], 60, { user_id: "u1" }));
    // risotto: cosine 0.9, kept; pasta: 0.8 and no word match, dropped; saffron: cosine 1 and the word.
    expect(hits.map((h) => h.id).sort()).toEqual([rows[0]?.id, rows[2]?.id].sort());
    const pasta = await withSearchQuery("pasta", 0.85, () => store.search([1, 0, 0], 60, { user_id: "u1" }));
    expect(pasta.map((h) => h.id)).toContain(rows[1]?.id);
  });

  it("keeps the lexical column current when a memory's text changes", async () => {
    await db.query(`UPDATE ${TABLE} SET payload = $1::jsonb WHERE id = $2`, [
      { data: "Pasta with saffron tonight", user_id: "u1" },
      rows[1]?.id,
    ]);
    const hits = await withSearchQuery("saffron", 0.1, () => store.search([1, 0, 0], 60, { user_id: "u1" }));
    const pasta = hits.find((h) => h.id === rows[1]?.id);
    const risotto = hits.find((h) => h.id === rows[0]?.id);
    expect(pasta?.score).toBeGreaterThan(risotto?.score ?? 1);
  });
});
