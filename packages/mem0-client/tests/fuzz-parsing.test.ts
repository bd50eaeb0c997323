/**
 * Fuzzing the response parsing with fast-check: generated malformed bodies (random text, random JSON,
 * near-miss shapes with wrong field types) and random statuses, served over loopback to every call of both
 * dialects. Property: a call either resolves or rejects with a Mem0Error; nothing else escapes, and no
 * rejection goes unhandled.
 */
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isMem0Error } from "../src/errors.js";
import { errorFromResponse } from "../src/http/status-errors.js";
import { type StubReply, type StubServer, startStubServer } from "../src/testing/index.js";
import { platformClient, serverClient } from "../src/testing/loopback-clients.js";
import type { Mem0Client } from "../src/types.js";

let current: StubReply = { body: null };
let stub: StubServer;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on("unhandledRejection", onUnhandled);
  stub = await startStubServer(() => current, { record: false });
});
afterAll(async () => {
  process.off("unhandledRejection", onUnhandled);
  await stub.close();
});

const anyField = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue(),
);
/** Objects that look almost like mem0 items: the right keys with values of any type, some keys missing. */
const nearMemory = fc.record(
  {
    id: fc.oneof(fc.uuid().map(String), anyField),
    memory: anyField,
    hash: anyField,
    metadata: fc.oneof(fc.dictionary(fc.string(), fc.jsonValue()), anyField),
    user_id: anyField,
    created_at: anyField,
    score: anyField,
    event: anyField,
    memory_id: anyField,
    is_deleted: anyField,
    type: anyField,
    total_memories: anyField,
    status: fc.oneof(fc.constantFrom("PENDING", "RUNNING", "SUCCEEDED", "FAILED"), anyField),
    event_id: anyField,
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  fc.string().map((raw) => ({ raw })),
  fc.jsonValue().map((v) => ({ raw: JSON.stringify(v) ?? "" })),
  nearMemory.map((m) => ({ body: m })),
  fc.array(nearMemory, { maxLength: 3 }).map((results) => ({ body: { results } })),
  fc.array(nearMemory, { maxLength: 3 }).map((a) => ({ body: a })),
  fc
    .record({ detail: anyField, code: anyField, request_id: anyField, error: anyField }, { requiredKeys: [] })
    .map((b) => ({ body: b })),
);
const status = fc.oneof(
  fc.constant(200),
  fc.constantFrom(201, 204, 301, 400, 401, 404, 422, 429, 500, 502, 503, 504),
  fc.integer({ min: 200, max: 599 }),
);

const ID = randomUUID();
const calls: ((c: Mem0Client) => Promise<unknown>)[] = [
  (c) => c.add({ messages: [{ role: "user", content: "x" }], userId: "u" }),
  (c) => c.search({ query: "q", filters: { user_id: "u" } }),
  (c) => c.getAll({ userId: "u", topK: 5 }),
  (c) => c.get(ID),
  (c) => c.update(ID, { text: "t" }),
  (c) => c.delete(ID),
  (c) => c.deleteAll({ userId: "u" }),
  (c) => c.history(ID),
  (c) => c.entities(),
  (c) => c.ping(),
];

function fuzzDialect(name: string, make: (url: string) => Mem0Client) {
  it(`${name}: every malformed answer resolves or rejects with a Mem0Error`, async () => {
    // No retries and a breaker that never opens: each generated answer must reach the parser.
    const client = make(stub.url);
    await fc.assert(
      fc.asyncProperty(status, body, fc.integer({ min: 0, max: calls.length - 1 }), async (s, b, which) => {
        // A server cannot send a body with 204/205/304 (undici then sees a length mismatch, a network-level
        // failure); those statuses are not part of mem0's contract, so they are served as 200.
        const st = s === 204 || s === 205 || s === 304 ? 200 : s;
        current = { status: st, ...b };
        try {
          await (calls[which] as (c: Mem0Client) => Promise<unknown>)(client);
        } catch (e) {
          if (!isMem0Error(e)) throw new Error(`escaped a non-Mem0Error: ${String(e)}`);
          // Not just "some Mem0Error": the kind must follow from what was served.
          if (st >= 200 && st < 300) {
            const eventFailed = e.kind === "upstream" && e.code === "event_failed";
            if (e.kind !== "bad_response" && !eventFailed)
              throw new Error(`2xx became ${e.kind}: ${e.message}`);
          } else {
            const expected = errorFromResponse({
              method: "GET",
              path: "/",
              status: st,
              text: "",
              sentRequestId: "r",
            }).kind;
            if (e.kind !== expected && !(expected === "upstream" && e.kind === "rate_limited")) {
              throw new Error(`${st} became ${e.kind}, expected ${expected}: ${e.message}`);
            }
          }
        }
      }),
      { numRuns: 250 },
    );
    await client.close();
    expect(unhandled).toEqual([]);
  });
}

describe("fuzzed response parsing", () => {
  const opts = { retry: { maxAttempts: 1 }, breaker: { consecutiveFailures: 1_000_000 } };
  fuzzDialect("server dialect", (url) => serverClient(url, opts));
  fuzzDialect("platform dialect", (url) =>
    platformClient(url, { ...opts, eventPoll: { intervalMs: 1, deadlineMs: 20 } }),
  );

  it("error body parsing never throws, for any status and any text", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 599 }),
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v) ?? ""),
        ),
        (st, text) => {
          const e = errorFromResponse({ method: "GET", path: "/x", status: st, text, sentRequestId: "r" });
          expect(isMem0Error(e)).toBe(true);
          expect(e.status).toBe(st);
          expect(e.requestId).toBeTruthy();
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
