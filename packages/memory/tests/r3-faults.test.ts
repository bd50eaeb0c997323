/**
 * R3: mem0 slow, failing, talking garbage or dropping connections. recall must come back within its budget,
 * empty and `degraded` with a reason, with no unhandled rejection; other procedures map the failure to the
 * right tRPC code; the mem0 client's breaker opens and closes again. The upstream is the one fake mem0
 * server (@automatos/mem0-client/testing) on loopback, misbehaving on demand (fault injection); everything
 * on our side is real.
 */
import { createMem0Client, type Mem0Client } from "@automatos/mem0-client";
import { type ServerFakeServer, startServerFake } from "@automatos/mem0-client/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createInnerContext } from "../src/context.js";
import { appRouter } from "../src/root.js";
import { P } from "../src/testing/principals.js";
import { createCallerFactory } from "../src/trpc.js";

const BUDGET_MS = 150;
// Generous: a shared 2-core CI machine fires timers late. The point is "bounded", not "fast".
const SLACK_MS = 600;

const API_KEY = "stub-key";

/** The faults the upstream plays: each one set on the fake at once (the previous one cleared first). */
type StubMode =
  | { kind: "ok" }
  | { kind: "slow"; delayMs: number }
  | { kind: "status"; status: number }
  | { kind: "garbage" }
  | { kind: "reset" }
  | { kind: "hang" };

let stub: ServerFakeServer;

async function setMode(mode: StubMode): Promise<void> {
  stub.clearFaults();
  stub.setLatency(mode.kind === "slow" ? mode.delayMs : 0);
  await stub.setMode(mode.kind === "hang" ? "hang" : "up");
  if (mode.kind === "status") {
    const status = mode.status;
    stub.inject({ reply: () => ({ status, body: { detail: "injected failure" } }) });
  }
  if (mode.kind === "garbage")
    stub.inject({
      reply: () => ({ raw: "{not json at all", headers: { "content-type": "application/json" } }),
    });
  if (mode.kind === "reset") stub.inject({ reply: () => ({ reset: true }) });
}
let mem0: Mem0Client;
const unhandled: unknown[] = [];
const onUnhandled = (e: unknown) => unhandled.push(e);

const caller = (mem0TimeoutMs = 1_000) =>
  createCallerFactory(appRouter)(
    createInnerContext({
      mem0,
      principal: P.alice,
      config: { mem0TimeoutMs, recall: { timeBudgetMs: BUDGET_MS } },
    }),
  );

beforeAll(async () => {
  process.on("unhandledRejection", onUnhandled);
  stub = await startServerFake({ apiKey: API_KEY, record: false });
  // What a healthy mem0 finds for alice's flight questions.
  stub.store.add(
    [{ role: "user", content: "My flight to Lisbon is on Friday at 9" }],
    {
      user_id: "workspace_w1_user_alice",
    },
    null,
  );
  mem0 = createMem0Client({
    baseUrl: stub.url,
    apiKey: API_KEY,
    retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 20 },
    breaker: { consecutiveFailures: 4, halfOpenAfterMs: 300 },
  });
});

afterAll(async () => {
  await mem0?.close();
  await stub?.close();
  process.off("unhandledRejection", onUnhandled);
});

beforeEach(async () => {
  // Each case starts from a healthy, closed breaker.
  await setMode({ kind: "ok" });
  for (let i = 0; i < 20 && mem0.breakerState() !== "closed"; i++) {
    await new Promise((r) => setTimeout(r, 100));
    await mem0.ping().catch(() => {});
  }
});

const faults: { name: string; mode: StubMode; reasons: string[] }[] = [
  { name: "slow above the budget", mode: { kind: "slow", delayMs: 1_500 }, reasons: ["timeout"] },
  { name: "never answers", mode: { kind: "hang" }, reasons: ["timeout"] },
  { name: "500", mode: { kind: "status", status: 500 }, reasons: ["mem0-error", "timeout"] },
  { name: "503", mode: { kind: "status", status: 503 }, reasons: ["mem0-unavailable", "timeout"] },
  { name: "garbage JSON", mode: { kind: "garbage" }, reasons: ["mem0-error"] },
  { name: "connection reset", mode: { kind: "reset" }, reasons: ["mem0-unavailable", "timeout"] },
];

describe("R3: recall degrades within its budget", () => {
  for (const f of faults) {
    it(f.name, async () => {
      await setMode(f.mode);
      const t0 = performance.now();
      const out = await caller().memory.recall({ query: "when is my flight to Lisbon?" });
      const wall = performance.now() - t0;
      expect(out).toMatchObject({ degraded: true, context: "", memories: [], searches: 1 });
      expect(f.reasons).toContain(out.degradedReason);
      expect(wall).toBeLessThan(BUDGET_MS + SLACK_MS);
    });
  }

  it("a healthy mem0 gives a normal result (the stub is not always failing)", async () => {
    const out = await caller().memory.recall({ query: "when is my flight to Lisbon?" });
    expect(out.degraded).toBe(false);
    expect(out.memories.length).toBeGreaterThan(0);
  });
});

describe("R3: other procedures map the failure to a tRPC code", () => {
  const cases: { name: string; mode: StubMode; code: string }[] = [
    { name: "slow -> TIMEOUT", mode: { kind: "slow", delayMs: 1_500 }, code: "TIMEOUT" },
    { name: "500 -> BAD_GATEWAY", mode: { kind: "status", status: 500 }, code: "BAD_GATEWAY" },
    { name: "garbage -> BAD_GATEWAY", mode: { kind: "garbage" }, code: "BAD_GATEWAY" },
    { name: "reset -> SERVICE_UNAVAILABLE", mode: { kind: "reset" }, code: "SERVICE_UNAVAILABLE" },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      await setMode(c.mode);
      const err = await caller(300)
        .memory.search({ query: "flight" })
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ code: c.code });
      // Our message, not mem0's body or the URL.
      expect((err as Error).message).not.toContain("injected");
      expect((err as Error).message).not.toContain("127.0.0.1");
    });
  }
});

describe("R3: the breaker opens and closes", () => {
  it("opens under repeated failures, recall then fails fast without reaching mem0, and closes on recovery", async () => {
    await setMode({ kind: "status", status: 500 });
    for (let i = 0; i < 6 && mem0.breakerState() !== "open"; i++) {
      await caller().memory.recall({ query: "when is my flight?" });
    }
    expect(mem0.breakerState()).toBe("open");
    const before = stub.requestCount();
    const open = await caller().memory.recall({ query: "when is my flight?" });
    expect(open).toMatchObject({ degraded: true, degradedReason: "mem0-unavailable" });
    expect(stub.requestCount()).toBe(before);
    const health = await caller().memory.health();
    expect(health).toMatchObject({ ok: false, mem0: { breaker: "open" } });

    await setMode({ kind: "ok" });
    await new Promise((r) => setTimeout(r, 400));
    const recovered = await caller().memory.recall({ query: "when is my flight?" });
    expect(recovered.degraded).toBe(false);
    expect(mem0.breakerState()).toBe("closed");
  });

  it("no unhandled rejection escaped, even from requests that finished after their budget", async () => {
    await new Promise((r) => setTimeout(r, 1_700));
    expect(unhandled).toEqual([]);
  });
});
