/**
 * One P11 load (docs/targets.md, P11) on a fresh stack: the gateway in its own process on the embedded default
 * (its engine child, PGlite, a new data dir), this process as the load driver. N users run mixed turns for
 * the duration; then the outbox gets up to `drainDeadlineMs` to empty, and every acknowledged remember is
 * looked up in mem0 (lost, and its lag). With `splitPhaseMs`, the same users then run recall-only and
 * remember-only turns, for the CPU of each call apart.
 */
import { rmSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { machineConditions, round, summarize } from "@automatos/bench";
import { createMemoryClient, type MemoryClient } from "@automatos/memory/client";
import { BENCH_SERVICE_SECRET, benchDataDir, benchUserToken, startGatewayProcess } from "./bench-setup.js";
import { sleep } from "./capacity-calls.js";
import { type CpuSnapshot, cpuPer, cpuRate, cpuSnapshot } from "./capacity-cpu.js";
import { checkDeliveryAgainstOutbox } from "./capacity-delivery.js";
import { queuedJobs, readHealth, sampleWhileLoaded, waitForOutboxDrain } from "./capacity-health.js";
import { countByWindow } from "./count-by-window.js";
import { readGatewayWarmUp } from "./gateway-warm-up-log.js";
import type { CapacityFigures } from "./p11-bars.js";
import { newP11Stats, type P11Stats, runP11User, type TurnMode } from "./p11-user.js";
import { histogramDeltaMeansMs, readMetricsPage } from "./prom-means.js";

export interface CapacityRunOptions {
  users: number;
  durationMs: number;
  drainDeadlineMs: number;
  splitPhaseMs?: number;
}

const USERS_PER_WORKSPACE = 10;

export async function runCapacity(o: CapacityRunOptions) {
  const dir = benchDataDir(`p11-${o.users}`);
  const gateway = await startGatewayProcess(dir);
  try {
    // Read before the load: the gateway's start-up warm-up (its own turns, before it listened).
    const gatewayWarmUp = readGatewayWarmUp(dir);
    const gatewayPid = gateway.child.pid;
    const { enginePid } = await readHealth(gateway.url);
    if (!gatewayPid || !enginePid) throw new Error("P11 needs the gateway and its embedded engine child");
    const snap = () => cpuSnapshot(gatewayPid, enginePid);
    // One client per user, plus one for the warm-up (the first search and add of a fresh engine).
    const clients = await Promise.all(
      Array.from({ length: o.users + 1 }, async (_, i) =>
        createMemoryClient({
          gatewayUrl: `${gateway.url}/trpc`,
          serviceToken: BENCH_SERVICE_SECRET,
          userToken: await benchUserToken(`p11-w${Math.floor(i / USERS_PER_WORKSPACE)}`, `p11-u${i}`),
          source: "p11-capacity",
        }),
      ),
    );
    const users = clients.slice(0, o.users);
    await warmUp(clients[o.users] as MemoryClient);
    await waitForOutboxDrain(gateway.url, 30_000);
    const idle = await idleCost(gateway.url, snap);

    const before = machineConditions();
    const stats = newP11Stats();
    const sampler = sampleWhileLoaded(gateway.url);
    const metricsAtStart = await readMetricsPage(gateway.url);
    const cpu0 = snap();
    const t0 = performance.now();
    await runUsers(users, "p11", "mixed", t0 + o.durationMs, stats);
    const loadEnd = performance.now();
    const cpuLoad = snap();
    const metricsAtLoadEnd = await readMetricsPage(gateway.url);
    const samples = sampler.stop();
    const atLoadEnd = (await readHealth(gateway.url)).outbox;
    const drain = await waitForOutboxDrain(gateway.url, o.drainDeadlineMs - (performance.now() - loadEnd));
    const drainedAt = performance.now();
    const drainMs = Math.round(drainedAt - loadEnd);
    const cpuDrained = snap();
    const checked = await checkDeliveryAgainstOutbox(users, stats.acks, () => queuedJobs(gateway.url));
    const { delivery, stillQueued } = checked;
    const apart = o.splitPhaseMs ? await measureApart(users, o.splitPhaseMs, gateway.url, snap, idle) : null;

    const recall = summaryOf(stats.latency.recall);
    const lag = summaryOf(delivery.lagMs);
    const figures: CapacityFigures = {
      users: o.users,
      recalls: stats.recalls,
      degradedOrSkipped: stats.degraded + stats.skipped,
      recallP95Ms: recall.p95,
      outboxLagP99Ms: lag.p99,
      drained: drain.drained,
      drainMs,
      errors: stats.errors + (apart?.errors ?? 0),
      // Missing in mem0 and no longer queued: gone. Still-queued jobs are late, and their lag says so.
      lost: checked.lost + (apart?.lost ?? 0),
    };
    const loadS = (loadEnd - t0) / 1000;
    const details = {
      users: o.users,
      workspaces: Math.ceil(o.users / USERS_PER_WORKSPACE),
      gatewayWarmUp,
      durationMs: Math.round(loadEnd - t0),
      turns: stats.turns,
      turnsPerSec: round(stats.turns / loadS, 1),
      recall,
      recallsAnswered: stats.recalls,
      recallDegraded: stats.degraded,
      recallSkipped: stats.skipped,
      degradedReasons: stats.degradedReasons,
      // Degraded recalls per 10 s of the load: a start (users arriving, cold code paths) tells from the steady load.
      degradedByTenSeconds: countByWindow(stats.degradedAt, t0, 10_000, o.durationMs),
      degradedOrSkippedPct: pct(figures.degradedOrSkipped, stats.recalls),
      rememberAck: summaryOf(stats.latency.remember),
      // Where a call's time went during the load: the gateway's procedures against mem0's answers to it.
      meansDuringLoadMs: {
        gatewayProcedures: histogramDeltaMeansMs(
          metricsAtStart,
          metricsAtLoadEnd,
          "gateway_procedure_duration_seconds",
        ),
        mem0Calls: histogramDeltaMeansMs(
          metricsAtStart,
          metricsAtLoadEnd,
          "gateway_mem0_call_duration_seconds",
        ),
      },
      outboxLag: {
        ...lag,
        source:
          "mem0's created_at of the turn's last stored message minus the driver's clock at the remember's ack; " +
          "a turn not in mem0 at the check counts as (check time - ack)",
        withoutTimestamp: delivery.withoutTimestamp,
      },
      outboxAtLoadEnd: atLoadEnd
        ? {
            pending: atLoadEnd.pending,
            inFlight: atLoadEnd.inFlight,
            oldestPendingAgeMs: atLoadEnd.oldestPendingAgeMs,
          }
        : null,
      outboxDuringLoad: samples.outbox,
      drain: { drained: drain.drained, drainMs, deadlineMs: o.drainDeadlineMs, dead: drain.dead },
      errors: figures.errors,
      errorsByCode: stats.errorsByCode,
      errorSamples: stats.errorSamples,
      acknowledged: delivery.acknowledged,
      lost: figures.lost,
      missingInMem0: delivery.missingInMem0,
      queuedAtCheck: stillQueued,
      deliveryListings: checked.listings,
      queuedBeforeLastListing: checked.queuedBeforeLastListing,
      lostIsExact: checked.lostIsExact,
      duplicated: delivery.duplicated,
      loadAverage1m: samples.loadAverage1m,
      cpuMsPerTurn: {
        duringLoad: cpuPer(cpu0, cpuLoad, stats.turns),
        untilDrained: cpuPer(cpu0, cpuDrained, stats.turns),
        untilDrainedNetOfIdle: cpuPer(cpu0, cpuDrained, stats.turns, {
          perSecond: idle,
          seconds: (drainedAt - t0) / 1000,
        }),
      },
      idleCpuMsPerSecond: roundedCpu(idle),
      cpuMsPerCall: apart?.cpuMsPerCall ?? null,
      machine: { before, after: machineConditions() },
    };
    return { figures, details };
  } finally {
    await gateway.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function runUsers(users: MemoryClient[], tag: string, mode: TurnMode, deadline: number, stats: P11Stats) {
  // Users arrive over the first second, as sessions would, instead of in one synchronised burst.
  return Promise.all(
    users.map((client, user) =>
      runP11User({ client, user, tag, mode, deadline, startDelayMs: (user / users.length) * 1_000, stats }),
    ),
  );
}

/** CPU per second of the stack with no traffic but the sampler's readings, over 3 s. */
async function idleCost(url: string, snap: () => CpuSnapshot): Promise<CpuSnapshot> {
  const sampler = sampleWhileLoaded(url);
  const a = snap();
  const t0 = performance.now();
  await sleep(3_000);
  const b = snap();
  sampler.stop();
  return cpuRate(a, b, (performance.now() - t0) / 1000);
}

const roundedCpu = (c: CpuSnapshot) => ({
  gateway: round(c.gateway, 2),
  engine: round(c.engine, 2),
  driver: round(c.driver, 2),
});

async function warmUp(client: MemoryClient): Promise<void> {
  await client.memory.remember.mutate({
    messages: [{ role: "user", content: "Warming up: I like green tea in the afternoon." }],
    idempotencyKey: "p11-warm-up-0",
  });
  await client.memory.recall.query({ query: "What do I like to drink in the afternoon?" });
}

/**
 * Recall-only turns, then remember-only turns (waiting for their delivery: the engine's share of a remember
 * is spent by the relay after the ack), with the CPU of each phase divided by its calls.
 */
async function measureApart(
  users: MemoryClient[],
  phaseMs: number,
  url: string,
  snap: () => CpuSnapshot,
  idle: CpuSnapshot,
) {
  const reads = newP11Stats();
  const a = snap();
  const ta = performance.now();
  await runUsers(users, "p11r", "recall", performance.now() + phaseMs, reads);
  const b = snap();
  const tb = performance.now();
  const writes = newP11Stats();
  await runUsers(users, "p11w", "remember", performance.now() + phaseMs, writes);
  const drain = await waitForOutboxDrain(url, 30_000);
  const c = snap();
  const tc = performance.now();
  const { delivery, lost } = await checkDeliveryAgainstOutbox(users, writes.acks, () => queuedJobs(url));
  return {
    errors: reads.errors + writes.errors,
    lost,
    cpuMsPerCall: {
      users: users.length,
      phaseMs,
      recall: {
        calls: reads.recalls,
        degraded: reads.degraded,
        ...cpuPer(a, b, reads.recalls),
        netOfIdle: cpuPer(a, b, reads.recalls, { perSecond: idle, seconds: (tb - ta) / 1000 }),
      },
      remember: {
        calls: writes.acks.length,
        drained: drain.drained,
        lagP99Ms: summaryOf(delivery.lagMs).p99,
        ...cpuPer(b, c, writes.acks.length),
        netOfIdle: cpuPer(b, c, writes.acks.length, { perSecond: idle, seconds: (tc - tb) / 1000 }),
      },
    },
  };
}

const pct = (n: number, of: number) => (of > 0 ? round((n / of) * 100, 2) : Number.NaN);

/** Rounded percentiles (ms); NaN for an empty sample, which fails any bar. */
function summaryOf(sample: number[]) {
  if (sample.length === 0)
    return { count: 0, p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, max: Number.NaN };
  const s = summarize(sample);
  return { count: s.count, p50: round(s.p50), p95: round(s.p95), p99: round(s.p99), max: round(s.max) };
}
