/**
 * The server dialect against replayed documented error answers (mem0-contract §1.4): every error body shape,
 * and broken 2xx bodies, over real HTTP on loopback. The fake answers normal calls; `inject` replays the rest.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { mem0Failure, SERVER_KEY, user, useServerFake } from "../src/testing/loopback-clients.js";

const t = useServerFake();
const asError = mem0Failure;

describe("error bodies", () => {
  it("502 {detail, code, request_id} keeps mem0's detail, code and request id", async () => {
    t.fake.inject({
      path: "/search",
      replies: [
        {
          status: 502,
          body: { detail: "Embedding provider timed out", code: "provider_timeout", request_id: "a1b2c3d4" },
          headers: { "x-request-id": "a1b2c3d4" },
        },
      ],
    });
    const e = await asError(t.client.search({ query: "tea", filters: { user_id: user() } }));
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
    t.fake.inject({
      path: "/search",
      replies: [
        { status: 502, body: { detail: "429", code: "provider_rate_limited", request_id: "0badf00d" } },
      ],
    });
    const e = await asError(t.client.search({ query: "tea", filters: { user_id: user() } }));
    expect(e).toMatchObject({
      kind: "rate_limited",
      status: 502,
      code: "provider_rate_limited",
      requestId: "0badf00d",
    });
  });

  it("502 provider_auth_failed is not retryable", async () => {
    t.fake.inject({
      path: "/search",
      replies: [
        { status: 502, body: { detail: "bad key", code: "provider_auth_failed", request_id: "01234567" } },
      ],
    });
    const e = await asError(t.client.search({ query: "tea", filters: { user_id: user() } }));
    expect(e).toMatchObject({ kind: "upstream", retryable: false });
  });

  it("422 detail arrays become one readable detail naming the field", async () => {
    // The real server's answer when content is not a string (multimodal content).
    t.fake.inject({
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
    const e = await asError(t.client.add({ messages: [{ role: "user", content: "x" }], userId: user() }));
    expect(e).toMatchObject({ kind: "validation", status: 422, field: "messages.0.content" });
    expect(e.detail).toBe("body.messages.0.content: Input should be a valid string");
  });

  it("the fake's own 422 for a query top_k out of range is parsed the same way", async () => {
    const res = await fetch(`${t.fake.url}/memories?user_id=x&top_k=5000`, {
      headers: { "x-api-key": SERVER_KEY },
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { detail: { loc: unknown[] }[] };
    expect(body.detail[0]?.loc).toEqual(["query", "top_k"]);
  });

  it("429 {error} (auth routes' limiter) is kind rate_limited with the error text as detail", async () => {
    t.fake.inject({
      path: "/memories",
      replies: [{ status: 429, body: { error: "Rate limit exceeded: 10 per 1 minute" } }],
    });
    const e = await asError(t.client.getAll({ userId: user() }));
    expect(e).toMatchObject({
      kind: "rate_limited",
      status: 429,
      detail: "Rate limit exceeded: 10 per 1 minute",
    });
  });

  it("500 plain text is kind upstream with the text as detail", async () => {
    t.fake.inject({ path: "/memories", replies: [{ status: 500, raw: "Internal Server Error" }] });
    const e = await asError(t.client.getAll({ userId: user() }));
    expect(e).toMatchObject({
      kind: "upstream",
      status: 500,
      detail: "Internal Server Error",
      retryable: false,
    });
  });

  it("404 on update and delete is not_found with mem0's detail", async () => {
    const id = randomUUID();
    const e = await asError(t.client.update(id, { text: "x" }));
    expect(e).toMatchObject({ kind: "not_found", status: 404 });
    expect(e.detail).toBe(`Memory with id ${id} not found. Please provide a valid 'memory_id'`);
    expect((await asError(t.client.delete(id))).detail).toBe(`Memory with id ${id} not found`);
  });

  it("400 {detail} is kind validation with the detail", async () => {
    const e = await asError(t.client.add({ messages: [{ role: "user", content: "x" }], infer: false }));
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
      t.fake.inject({ path: "/search", replies: [{ status: 200, ...reply }] });
      const e = await asError(t.client.search({ query: "q", filters: { user_id: user() } }));
      expect(e.kind).toBe("bad_response");
      expect(e.retryable).toBe(false);
      // Injected replies carry no X-Request-ID: the error falls back to the id we sent.
      expect(e.requestId).toBe(t.fake.requests.at(-1)?.headers["x-request-id"]);
    });
  }
});
