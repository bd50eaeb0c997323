/**
 * mem0's search embeds the query's proper nouns for its entity boost. With inference off the entity table
 * stays empty, so those embeddings would be thrown away: the engine must not ask the embedder for them
 * (src/engine/empty-entity-store.ts). The embedder here is the loopback OpenAI-compatible stub, so every
 * text the engine embeds is visible in its calls.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
