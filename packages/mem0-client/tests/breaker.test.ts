/**
 * Circuit breaker on loopback: opens after N consecutive outage failures, fails fast without touching the
 * network while open, half-opens after the pause to let one probe through, closes on a good probe and
 * re-opens on a bad one. Client errors (4xx) are not outages and never open it.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { isMem0Error, type Mem0Error } from "../src/errors.js";
import type { BreakerState } from "../src/resilience/breaker-state.js";
import { failure, type ServerFake, serverClient, startServerFake } from "../src/testing/loopback-clients.js";
import type { Mem0Client } from "../src/types.js";

let fake: ServerFake;
beforeAll(async () => {
  fake = await startServerFake();
});
afterEach(() => fake.clearFaults());
afterAll(() => fake.close());

// Long enough that a loaded machine cannot let the pause run out between two statements of a test that
// expects the breaker to still be open; the half-open tests sleep past it.
const HALF_OPEN_AFTER = 600;
const newClient = (halfOpenAfterMs = HALF_OPEN_AFTER) =>
  serverClient(fake.url, {
    retry: { maxAttempts: 1 },
    breaker: { consecutiveFailures: 3, halfOpenAfterMs },
  });
const read = (c: Mem0Client) => c.getAll({ userId: "u-1" });
const outage = (n: number) =>
  fake.inject({ path: "/memories", replies: Array.from({ length: n }, () => ({ status: 503, raw: "" })) });
const kindOf = async (p: Promise<unknown>) => {
  const e = await failure(p);
  expect(isMem0Error(e)).toBe(true);
  return (e as Mem0Error).kind;
};

describe("circuit breaker", () => {
  it("opens after consecutive failures and then fails fast without a request", async () => {
    const c = newClient(60_000);
    const states: BreakerState[] = [];
    c.onBreakerChange((s) => states.push(s));
    outage(3);
    for (let i = 0; i < 3; i++) expect(await kindOf(read(c))).toBe("unavailable");
    expect(c.breakerState()).toBe("open");
    expect(states).toEqual(["open"]);
    const before = fake.requests.length;
    const e = (await failure(read(c))) as Mem0Error;
    expect(e).toMatchObject({ kind: "circuit_open", retryable: true });
    expect(e.requestId).toBeTruthy();
    // Writes fail fast too: nothing reaches a mem0 that is known to be down.
    expect(await kindOf(c.add({ messages: [{ role: "user", content: "x" }], userId: "u-1" }))).toBe(
      "circuit_open",
    );
    expect(fake.requests.length).toBe(before);
    await c.close();
  });

  it("half-opens after the pause; a good probe closes it", async () => {
    const c = newClient();
    const states: BreakerState[] = [];
    c.onBreakerChange((s) => states.push(s));
    outage(3);
    for (let i = 0; i < 3; i++) await kindOf(read(c));
    await sleep(HALF_OPEN_AFTER + 50);
    expect(await read(c)).toEqual([]);
    expect(states).toEqual(["open", "half-open", "closed"]);
    expect(c.breakerState()).toBe("closed");
    await c.close();
  });

  it("a bad probe re-opens it", async () => {
    const c = newClient();
    const states: BreakerState[] = [];
    const unsubscribe = c.onBreakerChange((s) => states.push(s));
    outage(4);
    for (let i = 0; i < 3; i++) await kindOf(read(c));
    await sleep(HALF_OPEN_AFTER + 50);
    expect(await kindOf(read(c))).toBe("unavailable");
    expect(states).toEqual(["open", "half-open", "open"]);
    expect(await kindOf(read(c))).toBe("circuit_open");
    unsubscribe();
    await sleep(HALF_OPEN_AFTER + 50);
    await read(c);
    expect(states).toEqual(["open", "half-open", "open"]);
    expect(c.breakerState()).toBe("closed");
    await c.close();
  });

  it("client errors (404, 400, 401) do not open it", async () => {
    const c = newClient();
    fake.inject({
      path: "/memories",
      replies: [
        { status: 404, body: { detail: "Not Found" } },
        { status: 400, body: { detail: "bad" } },
        { status: 401, body: { detail: "Invalid API key." } },
        { status: 400, body: { detail: "bad" } },
      ],
    });
    for (let i = 0; i < 4; i++) await failure(read(c));
    expect(c.breakerState()).toBe("closed");
    await c.close();
  });

  it("garbage 2xx bodies count as outage failures", async () => {
    const c = newClient(60_000);
    fake.inject({ path: "/memories", replies: [{ raw: "<html>" }, { raw: "" }, { body: { nope: 1 } }] });
    for (let i = 0; i < 3; i++) expect(await kindOf(read(c))).toBe("bad_response");
    expect(c.breakerState()).toBe("open");
    await c.close();
  });

  it("a success in between resets the consecutive count", async () => {
    const c = newClient();
    fake.inject({
      path: "/memories",
      replies: [
        { status: 503, raw: "" },
        { status: 503, raw: "" },
        { body: { results: [] } },
        { status: 503, raw: "" },
        { status: 503, raw: "" },
      ],
    });
    for (let i = 0; i < 5; i++) await read(c).catch(() => undefined);
    expect(c.breakerState()).toBe("closed");
    await c.close();
  });
});
