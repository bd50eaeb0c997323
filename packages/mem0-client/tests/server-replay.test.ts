/**
 * The server dialect against replayed documented answers (mem0-contract §1.4, §1.5): every error shape and
 * trap, over real HTTP on loopback. The fake answers the normal cases; `inject` replays the rest.
 */
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { CallMeta, Mem0Client } from "../src/types.js";
import { mem0Failure, SERVER_KEY, type ServerFake, serverClient, startServerFake, user } from "./helpers.js";

let fake: ServerFake;
let client: Mem0Client;

beforeAll(async () => {
  fake = await startServerFake({ apiKey: SERVER_KEY, bearerTokens: ["jwt-access-token-abc"] });
  // A high breaker threshold: this file provokes many failures on purpose and tests each one in isolation.
  client = serverClient(fake.url, { retry: { maxAttempts: 1 }, breaker: { consecutiveFailures: 1_000 } });
});
afterEach(() => fake.clearFaults());
afterAll(async () => {
  await client.close();
  await fake.close();
});

const asError = mem0Failure;

describe("error bodies", () => {
  it("502 {detail, code, request_id} keeps mem0's detail, code and request id", async () => {
    fake.inject({
      path: "/search",
      replies: [
        {
          status: 502,
          body: { detail: "Embedding provider timed out", code: "provider_timeout", request_id: "a1b2c3d4" },
          headers: { "x-request-id": "a1b2c3d4" },
        },
      ],
    });
    const e = await asError(client.search({ query: "tea", filters: { user_id: user() } }));
    expect(e).toMatchObject({
      kind: "upstream",
      status: 502,
      code: "provider_timeout",
      requestId: "a1b2c3d4",
    });
    expect(e.detail).toBe("Embedding provider timed out");
    expect(e.retryable).toBe(true);
  });

  it("a provider 429 arriving as 502 provider_rate_limited is kind rate_limited", async () => {
    fake.inject({
      path: "/search",
      replies: [
        { status: 502, body: { detail: "429", code: "provider_rate_limited", request_id: "0badf00d" } },
      ],
    });
    const e = await asError(client.search({ query: "tea", filters: { user_id: user() } }));
    expect(e).toMatchObject({
      kind: "rate_limited",
      status: 502,
      code: "provider_rate_limited",
      requestId: "0badf00d",
    });
  });

  it("502 provider_auth_failed is not retryable", async () => {
    fake.inject({
      path: "/search",
      replies: [
        { status: 502, body: { detail: "bad key", code: "provider_auth_failed", request_id: "01234567" } },
      ],
    });
    const e = await asError(client.search({ query: "tea", filters: { user_id: user() } }));
    expect(e).toMatchObject({ kind: "upstream", retryable: false });
  });

  it("422 detail arrays become one readable detail naming the field", async () => {
    // The real server's answer when content is not a string (multimodal content).
    fake.inject({
      path: "/memories",
      replies: [
        {
          status: 422,
          body: {
            detail: [
              {
                type: "string_type",
                loc: ["body", "messages", 0, "content"],
                msg: "Input should be a valid string",
                input: {},
              },
            ],
          },
        },
      ],
    });
    const e = await asError(client.add({ messages: [{ role: "user", content: "x" }], userId: user() }));
    expect(e).toMatchObject({ kind: "validation", status: 422, field: "messages.0.content" });
    expect(e.detail).toBe("body.messages.0.content: Input should be a valid string");
  });

  it("the fake's own 422 for a query top_k out of range is parsed the same way", async () => {
    const res = await fetch(`${fake.url}/memories?user_id=x&top_k=5000`, {
      headers: { "x-api-key": SERVER_KEY },
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { detail: { loc: unknown[] }[] };
    expect(body.detail[0]?.loc).toEqual(["query", "top_k"]);
  });

  it("429 {error} (auth routes' limiter) is kind rate_limited with the error text as detail", async () => {
    fake.inject({
      path: "/memories",
      replies: [{ status: 429, body: { error: "Rate limit exceeded: 10 per 1 minute" } }],
    });
    const e = await asError(client.getAll({ userId: user() }));
    expect(e).toMatchObject({
      kind: "rate_limited",
      status: 429,
      detail: "Rate limit exceeded: 10 per 1 minute",
    });
  });

  it("500 plain text is kind upstream with the text as detail", async () => {
    fake.inject({ path: "/memories", replies: [{ status: 500, raw: "Internal Server Error" }] });
    const e = await asError(client.getAll({ userId: user() }));
    expect(e).toMatchObject({
      kind: "upstream",
      status: 500,
      detail: "Internal Server Error",
      retryable: false,
    });
  });

  it("404 on update and delete is not_found with mem0's detail", async () => {
    const id = randomUUID();
    const e = await asError(client.update(id, { text: "x" }));
    expect(e).toMatchObject({ kind: "not_found", status: 404 });
    expect(e.detail).toBe(`Memory with id ${id} not found. Please provide a valid 'memory_id'`);
    expect((await asError(client.delete(id))).detail).toBe(`Memory with id ${id} not found`);
  });

  it("400 {detail} is kind validation with the detail", async () => {
    const e = await asError(client.add({ messages: [{ role: "user", content: "x" }], infer: false }));
    expect(e).toMatchObject({ kind: "validation", status: 400 });
    expect(e.detail).toMatch(/user_id/);
  });
});

describe("broken 2xx bodies are kind bad_response", () => {
  const cases: [string, { raw?: string; body?: unknown }][] = [
    ["an empty body", { raw: "" }],
    ["whitespace only", { raw: "  \n" }],
    ["HTML from a proxy", { raw: "<html><body>Bad gateway</body></html>" }],
    ["truncated JSON", { raw: '{"results": [{"id": "' }],
    ["a wrong shape", { body: { results: [{ id: 7, memory: null }] } }],
    ["a string", { body: "ok" }],
  ];
  for (const [name, reply] of cases) {
    it(name, async () => {
      fake.inject({ path: "/search", replies: [{ status: 200, ...reply }] });
      const e = await asError(client.search({ query: "q", filters: { user_id: user() } }));
      expect(e.kind).toBe("bad_response");
      expect(e.retryable).toBe(false);
      // Injected replies carry no X-Request-ID: the error falls back to the id we sent.
      expect(e.requestId).toBe(fake.requests.at(-1)?.headers["x-request-id"]);
    });
  }
});

describe("traps", () => {
  it("GET /memories/{id} answering 200 null is null, not an error", async () => {
    expect(await client.get(randomUUID())).toBeNull();
  });

  it("ids that are not UUIDs are refused before any request", async () => {
    const before = fake.requests.length;
    for (const call of [
      () => client.get("42"),
      () => client.update("../reset", { text: "x" }),
      () => client.delete("not-a-uuid"),
      () => client.history(""),
    ]) {
      const e = await asError(call());
      expect(e).toMatchObject({ kind: "validation", field: "id" });
    }
    expect(fake.requests.length).toBe(before);
  });

  it("bad input names the field and costs no request", async () => {
    const before = fake.requests.length;
    expect(await asError(client.add({ messages: [], userId: "u" }))).toMatchObject({ field: "add.messages" });
    expect(
      await asError(client.add({ messages: [{ role: "user", content: "x" }], userId: "a b" })),
    ).toMatchObject({ field: "add.userId" });
    expect(await asError(client.search({ query: "  ", filters: { user_id: "u" } }))).toMatchObject({
      field: "search.query",
    });
    expect(await asError(client.getAll({ userId: "u", topK: 5000 }))).toMatchObject({ field: "getAll.topK" });
    expect(await asError(client.update(randomUUID(), {}))).toMatchObject({ field: "update" });
    expect(await asError(client.deleteAll({}))).toMatchObject({ field: "deleteAll" });
    expect(await asError(client.deleteEntity("team" as "user", "x"))).toMatchObject({
      field: "deleteEntity.type",
    });
    expect(fake.requests.length).toBe(before);
  });

  it("a malformed id sent anyway comes back from the server as a 502 unknown (why we validate)", async () => {
    const res = await fetch(`${fake.url}/memories/42`, { headers: { "x-api-key": SERVER_KEY } });
    expect(res.status).toBe(502);
    expect(((await res.json()) as { code: string }).code).toBe("unknown");
  });
});

describe("wire format", () => {
  it("sends X-API-Key, no trailing slash, and X-Request-ID; reads mem0's request id back", async () => {
    const metas: CallMeta[] = [];
    const userId = user();
    const added = await client.add(
      { messages: [{ role: "user", content: "hello" }], userId, infer: false },
      { requestId: "trace-123", onMeta: (m) => metas.push(m) },
    );
    expect(added.status).toBe("done");
    const req = fake.requests.at(-1);
    expect(req?.headers["x-api-key"]).toBe(SERVER_KEY);
    expect(req?.headers["x-request-id"]).toBe("trace-123");
    expect(req?.body).toEqual({
      messages: [{ role: "user", content: "hello" }],
      user_id: userId,
      infer: false,
    });
    expect(metas[0]?.requestId).toMatch(/^[0-9a-f]{8}$/);
    expect(metas[0]).toMatchObject({ status: 200, attempts: 1 });
  });

  it("generates a request id when none is given, and falls back to it when mem0 echoes none", async () => {
    fake.inject({ path: "/search", replies: [{ status: 503, raw: "" }] });
    const e = await asError(client.search({ query: "q", filters: { user_id: user() } }));
    const sent = fake.requests.at(-1)?.headers["x-request-id"];
    expect(sent).toMatch(/^[0-9a-f-]{36}$/);
    expect(e.requestId).toBe(sent);
  });

  it("every server-dialect path is bare (no trailing slash)", async () => {
    const userId = user();
    const r = await client.add({ messages: [{ role: "user", content: "x" }], userId, infer: false });
    const id = r.status === "done" ? (r.results[0]?.id as string) : "";
    await client.get(id);
    await client.history(id);
    await client.update(id, { metadata: { a: 1 } });
    await client.search({ query: "x", filters: { user_id: userId } });
    await client.entities();
    await client.deleteEntity("user", userId);
    await client.ping();
    await client.deleteAll({ userId });
    for (const req of fake.requests) expect(req.path === "/" || !req.path.endsWith("/")).toBe(true);
  });

  it("Bearer auth is sent as Authorization: Bearer and wins over a key", async () => {
    const c = serverClient(fake.url, { bearerToken: "jwt-access-token-abc", apiKey: "ignored-key-1234" });
    await c.getAll({ userId: user() });
    const req = fake.requests.at(-1);
    expect(req?.headers.authorization).toBe("Bearer jwt-access-token-abc");
    expect(req?.headers["x-api-key"]).toBeUndefined();
    await c.close();
  });

  it("normalises items: snake_case to camelCase, score only on search, metadata null when empty", async () => {
    const userId = user();
    await client.add({
      messages: [{ role: "user", content: "likes green tea" }],
      userId,
      agentId: "bot-1",
      infer: false,
    });
    const [hit] = await client.search({ query: "green tea", filters: { user_id: userId } });
    expect(hit).toMatchObject({
      memory: "likes green tea",
      userId,
      agentId: "bot-1",
      runId: null,
      metadata: null,
    });
    expect(typeof hit?.score).toBe("number");
    expect(hit?.createdAt).toMatch(/\+00:00$/);
    const [listed] = await client.getAll({ userId });
    expect(listed?.score).toBeUndefined();
  });
});
