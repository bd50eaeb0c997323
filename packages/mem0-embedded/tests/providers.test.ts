/**
 * With an OpenAI-compatible LLM and embeddings endpoint configured (a loopback stub here), inference is on:
 * adds go through mem0's LLM fact extraction. Provider failures become the self-hosted server's 502 codes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenAiStub, startOpenAiStub } from "../src/testing/openai-stub.js";
import { call, startTestServer, type TestServer, userMessage } from "../src/testing/test-server.js";

type Item = Record<string, unknown>;
const results = (r: { body: unknown }) => (r.body as { results: Item[] }).results;

let stub: OpenAiStub;
let s: TestServer;
beforeAll(async () => {
  stub = await startOpenAiStub(64);
  s = await startTestServer({
    embedder: { baseUrl: stub.baseUrl, model: "stub-embed", dimensions: 64, timeoutMs: 500 },
    llm: { baseUrl: stub.baseUrl, model: "stub-llm", timeoutMs: 300 },
  });
});
afterAll(async () => {
  await s?.dispose();
  await stub?.close();
});

describe("inference on", () => {
  it("reports inference on at start and in /embedded/info", async () => {
    expect(s.inference).toBe("on");
    expect(s.embedder).toBe("openai-compatible:stub-embed (64 dims)");
    expect((await call(s, "GET", "/embedded/info")).body).toMatchObject({
      inference: "on",
      llm: { model: "stub-llm" },
    });
  });

  it("stores the facts the LLM extracts, in the infer=true shape, and searches them with the remote embedder", async () => {
    stub.facts = ["Is vegetarian", "Loves fresh vegetable pizza"];
    const r = await call(s, "POST", "/memories", {
      body: { messages: userMessage("I'm vegetarian and I love fresh vegetable pizza."), user_id: "alice" },
    });
    expect(r.status).toBe(200);
    expect((r.body as Item).inference).toBe("on");
    expect(results(r).map(({ id: _id, ...rest }) => rest)).toEqual([
      { memory: "Is vegetarian", event: "ADD" },
      { memory: "Loves fresh vegetable pizza", event: "ADD" },
    ]);
    expect(stub.calls.some((c) => c.path.endsWith("/chat/completions"))).toBe(true);
    const hits = results(
      await call(s, "POST", "/search", { body: { query: "vegetable pizza", filters: { user_id: "alice" } } }),
    );
    expect(hits[0]?.memory).toBe("Loves fresh vegetable pizza");
  });

  it("stores verbatim when the caller asks for infer:false, and refuses a per-call prompt with inference", async () => {
    const verbatim = await call(s, "POST", "/memories", {
      body: { messages: userMessage("raw text"), user_id: "alice", infer: false },
    });
    expect(verbatim.body).toMatchObject({
      inference: "off",
      results: [{ memory: "raw text", role: "user" }],
    });
    const prompt = await call(s, "POST", "/memories", {
      body: { messages: userMessage("x"), user_id: "alice", prompt: "p" },
    });
    expect(prompt.status).toBe(400);
  });
});

describe("provider failures", () => {
  it.each([
    [{ kind: "status", status: 401 } as const, "provider_auth_failed"],
    [{ kind: "status", status: 400 } as const, "provider_bad_request"],
    [{ kind: "hang" } as const, "provider_timeout"],
  ])("an LLM answering %j is a 502 %s with a fixed message", async (mode, code) => {
    stub.facts = ["x"];
    stub.modes.llm = mode; // embeddings stay healthy: only the extraction call fails
    const r = await call(s, "POST", "/memories", {
      body: { messages: userMessage("anything"), user_id: "bob" },
    });
    stub.modes.llm = { kind: "ok" };
    expect(r.status).toBe(502);
    expect(r.body).toMatchObject({ code, request_id: r.headers["x-request-id"] });
    expect(String((r.body as Item).detail)).toMatch(/^The model provider/);
  });

  it.each([
    [{ kind: "status", status: 503 } as const, "provider_unavailable"],
    [{ kind: "status", status: 429 } as const, "provider_rate_limited"],
    [{ kind: "hang" } as const, "provider_timeout"],
  ])("an embeddings endpoint answering %j makes search a 502 %s", async (mode, code) => {
    stub.modes.embeddings = mode;
    const r = await call(s, "POST", "/search", { body: { query: "pizza", filters: { user_id: "alice" } } });
    stub.modes.embeddings = { kind: "ok" };
    expect(r.status).toBe(502);
    expect(r.body).toMatchObject({ code });
  });
});
