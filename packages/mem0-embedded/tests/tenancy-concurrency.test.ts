/**
 * Tenancy under load: concurrent adds and searches across tenants lose nothing and never cross tenants,
 * including a small tenant searched next to a large one (the filtered-HNSW case: without iterative scan
 * and the id indexes the small tenant's rows are never among the HNSW candidates).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initialiseDataDir, loadRows } from "../bench/bench-helpers.js";
import { memoryText, rng } from "../bench/synthetic-corpus.js";
import { call, startTestServer, type TestServer, tempDir, userMessage } from "../src/testing/test-server.js";

type Item = Record<string, unknown>;
const results = (r: { body: unknown }) => (r.body as { results: Item[] }).results;
const TENANTS = ["t1", "t2", "t3", "t4", "t5"].map((t) => `workspace_conc_user_${t}`);
const BIG = "workspace_big_user_1";
const BIG_ROWS = 3_000;
const MEDIUM = "workspace_medium_user_1";
const MEDIUM_ROWS = 300;

let s: TestServer;
beforeAll(async () => {
  const dataDir = tempDir("m0e-tenancy-");
  await initialiseDataDir(dataDir);
  const r = rng(3);
  await loadRows(dataDir, [
    ...Array.from({ length: BIG_ROWS }, (_, i) => ({ text: memoryText(r, i), userId: BIG })),
    ...Array.from({ length: MEDIUM_ROWS }, (_, i) => ({ text: memoryText(r, BIG_ROWS + i), userId: MEDIUM })),
  ]);
  s = await startTestServer({ dataDir });
}, 180_000);
afterAll(() => s?.dispose());

describe("tenancy", () => {
  it("50 concurrent adds and 50 concurrent searches across 5 tenants: nothing lost, nothing crosses", async () => {
    const adds = Array.from({ length: 50 }, (_, i) => {
      const tenant = TENANTS[i % 5] as string;
      return call(s, "POST", "/memories", {
        body: {
          messages: userMessage(`${tenant} keeps note ${i} about the harbour lighthouse`),
          user_id: tenant,
        },
      });
    });
    const searches = Array.from({ length: 50 }, (_, i) =>
      call(s, "POST", "/search", {
        body: { query: "harbour lighthouse note", filters: { user_id: TENANTS[i % 5] }, top_k: 20 },
      }),
    );
    const [addReplies, searchReplies] = await Promise.all([Promise.all(adds), Promise.all(searches)]);
    expect(addReplies.every((r) => r.status === 200)).toBe(true);
    expect(searchReplies.every((r) => r.status === 200)).toBe(true);
    searchReplies.forEach((r, i) => {
      for (const hit of results(r)) expect(hit.user_id).toBe(TENANTS[i % 5]);
    });

    const addedIds = new Map<string, Set<string>>(TENANTS.map((t) => [t, new Set()]));
    addReplies.forEach((r, i) => {
      for (const m of results(r)) addedIds.get(TENANTS[i % 5] as string)?.add(m.id as string);
    });
    for (const tenant of TENANTS) {
      const listed = results(await call(s, "GET", `/memories?user_id=${tenant}&top_k=100`));
      expect(new Set(listed.map((m) => m.id))).toEqual(addedIds.get(tenant));
      const hits = results(
        await call(s, "POST", "/search", {
          body: { query: "harbour lighthouse note", filters: { user_id: tenant }, top_k: 50 },
        }),
      );
      expect(hits).toHaveLength(10);
      expect(hits.every((h) => h.user_id === tenant && addedIds.get(tenant)?.has(h.id as string))).toBe(true);
    }
  });

  it(`small (2) and medium (${MEDIUM_ROWS}) tenants next to a ${BIG_ROWS}-memory tenant get their own memories, and enough of them`, async () => {
    const small = "workspace_small_user_1";
    // The same words as the big tenant's rows: the nearest neighbours overall all belong to the big tenant.
    const texts = [memoryText(rng(3), 0), memoryText(rng(3), 1)];
    for (const t of texts)
      await call(s, "POST", "/memories", { body: { messages: userMessage(t), user_id: small } });
    for (const query of [texts[0] as string, "likes to eat pizza", "lives in Berlin"]) {
      const hits = results(
        await call(s, "POST", "/search", {
          body: { query, filters: { user_id: small }, top_k: 10, threshold: 0 },
        }),
      );
      expect(hits.map((h) => h.memory).sort()).toEqual([...texts].sort());
    }
    // 9% of the rows: a plain HNSW scan (ef_search candidates, THEN the filter) returns fewer than top_k.
    const mediumHits = results(
      await call(s, "POST", "/search", {
        body: { query: "likes to eat pizza", filters: { user_id: MEDIUM }, top_k: 20, threshold: 0 },
      }),
    );
    expect(mediumHits).toHaveLength(20);
    expect(mediumHits.every((h) => h.user_id === MEDIUM)).toBe(true);
    const bigHits = results(
      await call(s, "POST", "/search", { body: { query: texts[0], filters: { user_id: BIG }, top_k: 10 } }),
    );
    expect(bigHits).toHaveLength(10);
    expect(bigHits.every((h) => h.user_id === BIG)).toBe(true);
  });
});
