/**
 * The embedded engine dies under load and the gateway heals by itself: the engine child is killed
 * (SIGKILL) or stops cleanly (SIGTERM, exit code 0) while users remember and recall through the gateway.
 * Every acknowledged remember ends up in mem0 exactly once (counted in mem0), reads reach mem0 again
 * soon after the restart, readiness goes false while mem0 is unreachable past its grace and true again,
 * and the restart is counted on /metrics.
 */
import { describe, expect, it } from "vitest";
import { type EngineDeathResult, runEngineDeath } from "../bench/r8-scenario.js";

const scenario = (signal: "SIGKILL" | "SIGTERM") =>
  runEngineDeath({
    signal,
    users: 8,
    warmupMs: 3_000,
    afterRestartMs: 6_000,
    // Shorter than any engine restart (seconds), so readiness must visibly go false and come back.
    readyUnreachableMs: 300,
    thinkMs: 50,
    drainDeadlineMs: 60_000,
  });

function expectHealed(r: EngineDeathResult, exit: string): void {
  expect(r.acknowledged).toBeGreaterThan(0);
  expect(r.rememberErrors).toBe(0);
  expect({ lost: r.lost, duplicated: r.duplicated, samples: r.duplicateSamples }).toEqual({
    lost: 0,
    duplicated: 0,
    samples: [],
  });
  expect(r.outboxAfter).toEqual({ pending: 0, inFlight: 0, dead: 0 });
  expect(r.trafficBackAfterRestartMs).not.toBeNull();
  // R8's bar is 5 s (bench/r8-engine-death.ts records it against that bar). Here, on a shared CI machine
  // running other suites at once, the bound is looser: at load average ~20 on 2 cores the first reads after
  // a restart measured 6.1 s, the breaker's half-open call being one slow add among them.
  expect(r.trafficBackAfterRestartMs).toBeLessThanOrEqual(15_000);
  expect(r.readiness).toMatchObject({ wentUnready: true, readyAgain: true });
  expect(r).toMatchObject({ restarts: 1, metricsRestartCounter: 1 });
  expect(r.lastExit).toBe(exit);
}

describe("embedded engine death under load (R8 scenario, small)", () => {
  it("SIGKILL: restarted on the same URL, nothing lost or duplicated, traffic and readiness back", async () => {
    expectHealed(await scenario("SIGKILL"), "signal SIGKILL");
  }, 240_000);

  it("clean exit (code 0): the same", async () => {
    expectHealed(await scenario("SIGTERM"), "code 0 (SIGTERM)");
  }, 240_000);
});
