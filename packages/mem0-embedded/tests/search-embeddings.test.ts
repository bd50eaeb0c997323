/**
 * What a search embeds. mem0's search embeds the query's proper nouns for its entity boost; with inference off
 * the entity table stays empty, so those embeddings would be thrown away: the engine must not ask the
 * embedder for them (src/engine/empty-entity-store.ts). And a search of a scope with no memories is answered
 * without the query's model run (src/engine/empty-scope.ts), and only then: the answer is the one the full
 * search gives, before and after the scope's first memory, after its last delete, and for ids mem0 itself
 * rewrites. The embedder here is the loopback OpenAI-compatible stub, so every text the engine embeds is
 * visible in its calls.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type OpenAiStub, startOpenAiStub } from "../src/testing/openai-stub.js";
import { call, startTestServer, type TestServer } from "../src/testing/test-server.js";

let stub: OpenAiStub;
let s: TestServer;
beforeAll(async () => {
  stub = await startOpenAiStub(64);
  s = await startTestServer({
    embedder: { baseUrl: stub.baseUrl, model: "stub-embed", dimensions: 64, timeoutMs: 2_000 },
  });
});
afterAll(async () => {
  await s?.dispose();
  await stub?.close();
});
beforeEach(() => {
  stub.calls.length = 0;
});

const embeddedTexts = () =>
  stub.calls
    .filter((c) => c.path.endsWith("/embeddings"))
    .flatMap((c) => {
      const input = (c.body as { input: string | string[] }).input;
      return Array.isArray(input) ? input : [input];
    });

describe("search embeddings with inference off", () => {
  it("embeds the query once and none of its proper nouns, and still finds the memory", async () => {
    const added = await call(s, "POST", "/memories", {
      body: {
        messages: [{ role: "user", content: "Anna moved from Berlin to Lisbon with Marco last spring" }],
        user_id: "u1",
        infer: false,
      },
    });
    expect(added.status).toBe(200);
    stub.calls.length = 0;
    const query = "Where did Anna and Marco move after Berlin?";
    const found = await call(s, "POST", "/search", { body: { query, filters: { user_id: "u1" } } });
    expect(found.status).toBe(200);
    expect((found.body as { results: { memory: string }[] }).results.map((r) => r.memory)).toEqual([
      "Anna moved from Berlin to Lisbon with Marco last spring",
    ]);
    expect(embeddedTexts()).toEqual([query]);
  });
});

async function search(body: Record<string, unknown>) {
  const found = await call(s, "POST", "/search", { body });
  expect(found.status).toBe(200);
  return (found.body as { results: { id: string; memory: string }[] }).results;
}

async function add(userId: string, content: string): Promise<string> {
  const added = await call(s, "POST", "/memories", {
    body: { messages: [{ role: "user", content }], user_id: userId, infer: false },
  });
  expect(added.status).toBe(200);
  return (added.body as { results: { id: string }[] }).results[0]?.id as string;
}

describe("search of an empty scope", () => {
  it("answers [] without embedding the query, then finds the scope's first memory", async () => {
    const query = "What does Nora drink in the morning?";
    expect(await search({ query, filters: { user_id: "nora" } })).toEqual([]);
    expect(embeddedTexts()).toEqual([]);

    await add("nora", "Nora drinks green tea every morning");
    stub.calls.length = 0;
    const found = await search({ query, filters: { user_id: "nora" } });
    expect(found.map((r) => r.memory)).toEqual(["Nora drinks green tea every morning"]);
    expect(embeddedTexts()).toEqual([query]);
  });

  it("answers [] again once the scope's last memory is deleted", async () => {
    const id = await add("olaf", "Olaf keeps bees on his roof");
    expect((await search({ query: "bees", filters: { user_id: "olaf" } })).map((r) => r.id)).toEqual([id]);
    expect((await call(s, "DELETE", `/memories/${id}`)).status).toBe(200);
    stub.calls.length = 0;
    expect(await search({ query: "bees", filters: { user_id: "olaf" } })).toEqual([]);
    expect(embeddedTexts()).toEqual([]);
  });

  it("leaves to mem0 the ids it rewrites and the filters it alone understands", async () => {
    await add("pia", "Pia plays the cello in an orchestra");
    stub.calls.length = 0;
    // mem0 trims the id, so this is pia's scope: found, through the full search.
    const padded = await search({ query: "cello", filters: { user_id: " pia " } });
    expect(padded.map((r) => r.memory)).toEqual(["Pia plays the cello in an orchestra"]);
    expect(embeddedTexts()).toEqual(["cello"]);

    // An operator filter is not translated: the full search runs (and finds nothing in an empty scope).
    stub.calls.length = 0;
    expect(await search({ query: "cello", filters: { user_id: "quinn", topic: { in: ["music"] } } })).toEqual(
      [],
    );
    expect(embeddedTexts()).toEqual(["cello"]);
  });

  it("keeps mem0's refusals: a bad threshold or top_k is still a 4xx for an empty scope", async () => {
    for (const extra of [{ threshold: 1.5 }, { top_k: -1 }]) {
      const refused = await call(s, "POST", "/search", {
        body: { query: "anything", filters: { user_id: "nobody-yet" }, ...extra },
      });
      expect(refused.status, JSON.stringify(extra)).toBeGreaterThanOrEqual(400);
      expect(refused.status, JSON.stringify(extra)).toBeLessThan(500);
    }
  });
});
