/**
 * Fault injection on loopback: slow headers, slow body, reset connections, refused connections, 5xx bursts,
 * Retry-After, deadlines and cancellation, and the retry rules (safe calls only; never add).
 */
import { performance } from "node:perf_hooks";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  mem0Failure,
  type ServerFake,
  serverClient,
  startServerFake,
  user,
} from "../src/testing/loopback-clients.js";
import type { CallMeta, Mem0Client } from "../src/types.js";

let fake: ServerFake;
let client: Mem0Client;
const search = (c: Mem0Client, opts?: Parameters<Mem0Client["search"]>[1]) =>
  c.search({ query: "tea", filters: { user_id: "u-1" } }, opts);
const countTo = (path: string) => fake.requests.filter((r) => r.path === path).length;

beforeAll(async () => {
  fake = await startServerFake({ apiKey: "srv-admin-key-7f3a9c1e5b2d4a6f" });
  client = serverClient(fake.url, { breaker: { consecutiveFailures: 1_000 } });
});
afterEach(() => fake.clearFaults());
afterAll(async () => {
  await client.close();
  await fake.close();
});

const asError = mem0Failure;

describe("timeouts and broken connections", () => {
  // undici runs headers/body timeouts on its coarse "fast timers" (about 1 s resolution), so the stub
  // stalls well past that; sub-second budgets are what CallOptions.timeoutMs is for.
  it("slow headers: kind timeout (UND_ERR_HEADERS_TIMEOUT), retried for a safe call", async () => {
    const c = serverClient(fake.url, {
      timeouts: { headersMs: 100 },
      retry: { maxAttempts: 2, baseDelayMs: 1 },
    });
    const stall = { delayHeadersMs: 2_500, body: { results: [] } };
    fake.inject({ path: "/search", replies: [stall, stall] });
    const before = countTo("/search");
    const e = await asError(search(c));
    expect(e).toMatchObject({ kind: "timeout", causeCode: "UND_ERR_HEADERS_TIMEOUT", retryable: true });
    expect(countTo("/search") - before).toBe(2);
    await c.close();
  });

  it("slow body: kind timeout (UND_ERR_BODY_TIMEOUT)", async () => {
    const c = serverClient(fake.url, { timeouts: { bodyMs: 100 }, retry: { maxAttempts: 1 } });
    fake.inject({ path: "/search", replies: [{ delayBodyMs: 2_500, body: { results: [] } }] });
    expect(await asError(search(c))).toMatchObject({ kind: "timeout", causeCode: "UND_ERR_BODY_TIMEOUT" });
    await c.close();
  });

  it("a reset connection is kind unavailable, and a safe call recovers on retry", async () => {
    fake.inject({ path: "/search", replies: [{ reset: true }] });
    const metas: CallMeta[] = [];
    expect(await search(client, { onMeta: (m) => metas.push(m) })).toEqual([]);
    expect(metas[0]?.attempts).toBe(2);
    fake.inject({ path: "/search", replies: [{ reset: true }] });
    const c = serverClient(fake.url, { retry: { maxAttempts: 1 } });
    expect(await asError(search(c))).toMatchObject({ kind: "unavailable", retryable: true });
    await c.close();
  });

  it("a refused connection is kind unavailable with the socket error code", async () => {
    const gone = await startServerFake();
    const url = gone.url;
    await gone.close();
    const c = serverClient(url, { retry: { maxAttempts: 2 } });
    expect(await asError(search(c))).toMatchObject({ kind: "unavailable", causeCode: "ECONNREFUSED" });
    await c.close();
  });
});

describe("retry rules", () => {
  it("a 5xx burst shorter than maxAttempts is absorbed for reads", async () => {
    fake.inject({
      path: "/search",
      replies: [
        { status: 503, raw: "" },
        { status: 502, body: { detail: "x", code: "datastore_unavailable", request_id: "00000000" } },
      ],
    });
    const metas: CallMeta[] = [];
    expect(await search(client, { onMeta: (m) => metas.push(m) })).toEqual([]);
    expect(metas[0]).toMatchObject({ attempts: 3, status: 200 });
  });

  it("a longer burst fails after maxAttempts with the last error", async () => {
    fake.inject({
      path: "/memories",
      replies: [
        { status: 504, raw: "" },
        { status: 504, raw: "" },
        { status: 503, raw: "" },
        { status: 503, raw: "" },
      ],
    });
    const before = countTo("/memories");
    expect(await asError(client.getAll({ userId: "u" }))).toMatchObject({ kind: "unavailable", status: 503 });
    expect(countTo("/memories") - before).toBe(3);
  });

  it("add, update and delete are never retried automatically", async () => {
    const id = "9b1d7e20-2c4e-4f0a-8e36-5a4b8c1d9f02";
    for (const [path, call] of [
      ["/memories", () => client.add({ messages: [{ role: "user", content: "x" }], userId: user() })],
      [`/memories/${id}`, () => client.update(id, { text: "y" })],
      [`/memories/${id}`, () => client.delete(id)],
    ] as const) {
      fake.inject({
        path,
        replies: [
          { status: 503, raw: "" },
          { status: 503, raw: "" },
        ],
      });
      const before = countTo(path);
      expect((await asError(call())).status).toBe(503);
      expect(countTo(path) - before).toBe(1);
      fake.clearFaults();
    }
  });

  it("500, 429 and 4xx are not retried", async () => {
    for (const reply of [
      { status: 500, raw: "Internal Server Error" },
      { status: 429, body: { error: "slow down" } },
      { status: 400, body: { detail: "bad" } },
    ]) {
      fake.inject({ path: "/search", replies: [reply, { body: { results: [] } }] });
      const before = countTo("/search");
      await asError(search(client));
      expect(countTo("/search") - before).toBe(1);
      fake.clearFaults();
    }
  });

  it("Retry-After is honoured (waits at least that long) when it fits maxDelayMs", async () => {
    const c = serverClient(fake.url, { retry: { baseDelayMs: 1, maxDelayMs: 2_000 } });
    fake.inject({ path: "/search", replies: [{ status: 503, raw: "", headers: { "retry-after": "1" } }] });
    const t0 = performance.now();
    expect(await search(c)).toEqual([]);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(950);
    await c.close();
  });

  it("a Retry-After beyond maxDelayMs is not waited for: the call fails with retryAfterMs set", async () => {
    fake.inject({
      path: "/search",
      replies: [{ status: 503, raw: "", headers: { "retry-after": "120" } }, { body: { results: [] } }],
    });
    const before = countTo("/search");
    expect(await asError(search(client))).toMatchObject({ kind: "unavailable", retryAfterMs: 120_000 });
    expect(countTo("/search") - before).toBe(1);
  });
});

describe("deadlines and cancellation", () => {
  it("timeoutMs bounds the whole call and is not retried", async () => {
    const c = serverClient(fake.url, { timeouts: { headersMs: 5_000 } });
    fake.inject({ path: "/search", replies: [{ delayHeadersMs: 2_000, body: { results: [] } }] });
    const before = countTo("/search");
    expect(await asError(search(c, { timeoutMs: 60 }))).toMatchObject({
      kind: "timeout",
      causeCode: "DEADLINE",
    });
    expect(countTo("/search") - before).toBe(1);
    await c.close();
  });

  it("an AbortSignal cancels an in-flight call with kind aborted", async () => {
    fake.inject({ path: "/search", replies: [{ delayHeadersMs: 2_000, body: { results: [] } }] });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 30);
    expect(await asError(search(client, { signal: ac.signal }))).toMatchObject({
      kind: "aborted",
      retryable: false,
    });
  });

  it("an abort during retry backoff settles at once instead of sleeping it out", async () => {
    const c = serverClient(fake.url, { retry: { baseDelayMs: 1, maxDelayMs: 2_000 } });
    fake.inject({ path: "/search", replies: [{ status: 503, raw: "", headers: { "retry-after": "2" } }] });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    const t0 = performance.now();
    expect((await asError(search(c, { signal: ac.signal }))).kind).toBe("aborted");
    // The backoff honours Retry-After: 2 s; settling well before that proves the abort cut it short.
    expect(performance.now() - t0).toBeLessThan(1_500);
    await c.close();
  });

  it("an already aborted signal fails without a request", async () => {
    const before = fake.requests.length;
    expect((await asError(search(client, { signal: AbortSignal.abort() }))).kind).toBe("aborted");
    expect(fake.requests.length).toBe(before);
  });

  it("a closed client refuses calls", async () => {
    const c = serverClient(fake.url);
    await c.close();
    expect(await asError(search(c))).toMatchObject({ kind: "unavailable", retryable: false });
  });
});
