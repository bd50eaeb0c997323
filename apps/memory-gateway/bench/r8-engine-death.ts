/**
 * R8 (engine death under load): bench/r8-scenario.ts at bench size, once with SIGKILL and once with a clean
 * exit (code 0). The figure is the recovery time in seconds: from the restarted engine to the first read
 * through the gateway that reaches mem0 again (memory.list), the worse of the two runs; the details carry
 * lost, duplicated, the time from the signal to the restart and to traffic, readiness, and the restarts.
 */
import { machineConditions, round, writeResult } from "@automatos/bench";
import { type EngineDeathResult, runEngineDeath } from "./r8-scenario.js";

const USERS = 40;
const runs: EngineDeathResult[] = [];
const failures: { signal: string; error: string }[] = [];
const before = machineConditions();
for (const signal of ["SIGKILL", "SIGTERM"] as const) {
  // A run that cannot complete (e.g. the engine's first start exceeding its deadline on an overloaded
  // machine) is recorded as a failure of R8, not silently dropped.
  const r = await runEngineDeath({
    signal,
    users: USERS,
    warmupMs: 10_000,
    afterRestartMs: 10_000,
    readyUnreachableMs: 2_000,
    thinkMs: 200,
    drainDeadlineMs: 120_000,
  }).catch((err: Error) => {
    failures.push({ signal, error: err.message });
    return null;
  });
  if (!r) continue;
  runs.push(r);
  console.log(
    `R8 ${signal}: acknowledged ${r.acknowledged}, lost ${r.lost}, duplicated ${r.duplicated}, engine down ` +
      `${r.engineDownMs} ms, traffic back ${r.trafficBackAfterRestartMs} ms after the restart ` +
      `(${r.recoveryMs} ms after the signal), readiness ${JSON.stringify(r.readiness)}`,
  );
}

const lost = runs.reduce((n, r) => n + r.lost, 0);
const duplicated = runs.reduce((n, r) => n + r.duplicated, 0);
const back = runs.map((r) => r.trafficBackAfterRestartMs);
const recoveryS =
  back.length === 0 || back.some((b) => b === null) ? -1 : round(Math.max(...(back as number[])) / 1000, 2);
writeResult("R8", {
  value: recoveryS,
  unit: "s",
  bar: "lost 0, duplicated 0, traffic back <= 5 s after the engine restart (SIGKILL and clean exit)",
  pass: failures.length === 0 && lost === 0 && duplicated === 0 && recoveryS >= 0 && recoveryS <= 5,
  details: {
    users: USERS,
    lost,
    duplicated,
    recoverySeconds: recoveryS,
    runs: runs.map((r) => ({
      ...r,
      timeToRecoveryFromSignalS: r.recoveryMs === null ? null : round(r.recoveryMs / 1000, 2),
    })),
    restarts: runs.map((r) => r.restarts),
    failedRuns: failures,
    machine: { before, after: machineConditions() },
    stack: "gateway in process, embedded mem0 in its supervised child (default embedder), PGlite",
  },
});
