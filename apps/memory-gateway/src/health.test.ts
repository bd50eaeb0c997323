import { describe, expect, it } from "vitest";
import { checkHealth, type HealthSources } from "./health.js";

const stats = { pending: 1, inFlight: 0, delivered: 5, failed: 0, dead: 0, oldestPendingAgeMs: 12 };
const sources = (over: Partial<HealthSources> = {}): HealthSources => ({
  pingMem0: async () => ({ latencyMs: 1.234 }),
  breakerState: () => "closed",
  outboxStats: async () => stats,
  dbKind: "pglite",
  relayRunning: () => true,
  draining: () => false,
  timeoutMs: 200,
  ...over,
});
const unavailable = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:8888 key=secret"), {
  kind: "unavailable",
});

describe("checkHealth", () => {
  it("is ok and ready when mem0 and the database answer", async () => {
    expect(await checkHealth(sources())).toEqual({
      status: "ok",
      live: true,
      ready: true,
      checks: {
        mem0: { ok: true, latencyMs: 1.23, breaker: "closed" },
        db: { ok: true, kind: "pglite" },
        outbox: stats,
        relay: "running",
      },
    });
  });

  it("stays ready but degraded while mem0 is down, reporting the error kind only", async () => {
    const report = await checkHealth(
      sources({ pingMem0: () => Promise.reject(unavailable), breakerState: () => "open" }),
    );
    expect(report).toMatchObject({
      status: "degraded",
      ready: true,
      checks: { mem0: { ok: false, error: "unavailable" } },
    });
    expect(JSON.stringify(report)).not.toContain("secret");
  });

  it("is unready when the database is down, and a hung probe times out", async () => {
    const report = await checkHealth(sources({ outboxStats: () => new Promise(() => {}) }));
    expect(report).toMatchObject({
      status: "unready",
      ready: false,
      checks: { db: { ok: false, error: "timeout" } },
    });
  });

  it("says draining during shutdown", async () => {
    expect(await checkHealth(sources({ draining: () => true }))).toMatchObject({
      status: "draining",
      ready: false,
    });
  });
});
