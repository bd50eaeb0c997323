import { describe, expect, it } from "vitest";
import { checkHealth, type HealthSources } from "./health.js";

const stats = { pending: 1, inFlight: 0, delivered: 5, failed: 0, dead: 0, oldestPendingAgeMs: 12 };
const sources = (over: Partial<HealthSources> = {}): HealthSources => ({
  pingMem0: async () => ({ latencyMs: 1.234 }),
  breakerState: () => "closed",
  mem0Reachability: () => ({ reachable: true, ready: true, unreachableForMs: 0 }),
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
        mem0: { ok: true, latencyMs: 1.23, breaker: "closed", unreachableForMs: 0 },
        db: { ok: true, kind: "pglite" },
        outbox: stats,
        relay: "running",
      },
    });
  });

  it("stays ready but degraded while mem0 is down within the grace, reporting the error kind only", async () => {
    const report = await checkHealth(
      sources({
        pingMem0: () => Promise.reject(unavailable),
        breakerState: () => "open",
        mem0Reachability: () => ({ reachable: false, ready: true, unreachableForMs: 2_400 }),
      }),
    );
    expect(report).toMatchObject({
      status: "degraded",
      ready: true,
      checks: { mem0: { ok: false, error: "unavailable", unreachableForMs: 2_400 } },
    });
    expect(JSON.stringify(report)).not.toContain("secret");
  });

  it("is unready once mem0 has been unreachable past the grace, and shows the engine's supervisor", async () => {
    const engine = {
      state: "restarting" as const,
      pid: null,
      restarts: 2,
      lastExit: { cause: "exit", exit: "signal SIGKILL", at: "2026-01-01T00:00:00.000Z" },
    };
    const report = await checkHealth(
      sources({
        pingMem0: () => Promise.reject(unavailable),
        mem0Reachability: () => ({ reachable: false, ready: false, unreachableForMs: 12_000 }),
        engine: () => engine,
      }),
    );
    expect(report).toMatchObject({
      status: "unready",
      live: true,
      ready: false,
      checks: { mem0: { ok: false, unreachableForMs: 12_000, engine }, db: { ok: true } },
    });
  });

  it("a ping that succeeds now wins over an older silence (ready again at once)", async () => {
    const report = await checkHealth(
      sources({ mem0Reachability: () => ({ reachable: false, ready: false, unreachableForMs: 12_000 }) }),
    );
    expect(report).toMatchObject({ status: "ok", ready: true, checks: { mem0: { unreachableForMs: 0 } } });
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
