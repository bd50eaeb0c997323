/**
 * R7 (docs/targets.md): 200 concurrent simulated chat users for 60 s through the gateway, on the default stack
 * (embedded mem0 + PGlite, exactly what the gateway starts with no URLs configured). Loopback only; every
 * loop is bounded by the deadline, so the scenario stops by itself.
 *
 * A simulated user is a chat session: each turn recalls (the gate skips trivial turns), "thinks" like an LLM
 * (50-150 ms), remembers the turn through the outbox, lists its memories every 10th turn, then waits like a
 * person typing (2-6 s). Users are spread over 20 workspaces x 10 users. An error is any rejected call
 * (HTTP, auth, router); a degraded recall is NOT an error (that is the design: the turn goes on without
 * memories) but is counted and reported. At the end the outbox must drain: every acknowledged remember
 * delivered to mem0.
 */
import { performance } from "node:perf_hooks";
import { round, summarize, writeResult } from "@automatos/bench";
import { createMemoryClient } from "@automatos/memory/client";
import {
  BENCH_SERVICE_SECRET,
  benchDataDir,
  benchUserToken,
  machineConditions,
  startGatewayProcess,
} from "./bench-setup.js";
import { histogramMeansMs, promGauge } from "./prom-means.js";
import { type LoadStats, newLoadStats, runUser } from "./r7-user.js";

const USERS = 200;
const DURATION_MS = 60_000;
const DRAIN_DEADLINE_MS = 120_000;

const gateway = await startGatewayProcess(benchDataDir("r7"));
const stats: LoadStats = newLoadStats();
try {
  const clients = await Promise.all(
    Array.from({ length: USERS }, async (_, i) =>
      createMemoryClient({
        gatewayUrl: `${gateway.url}/trpc`,
        serviceToken: BENCH_SERVICE_SECRET,
        userToken: await benchUserToken(`r7-w${i % 20}`, `r7-u${Math.floor(i / 20)}`),
        source: "r7-load",
      }),
    ),
  );
  const before = machineConditions();
  const t0 = performance.now();
  const deadline = t0 + DURATION_MS;
  // Users arrive over the first second, as sessions would, instead of in one synchronised burst.
  await Promise.all(
    clients.map((client, i) =>
      runUser({ client, index: i, deadline, startDelayMs: (i / USERS) * 1_000, stats }),
    ),
  );
  const elapsedMs = performance.now() - t0;

  const drain = await waitForOutboxDrain(gateway.url, DRAIN_DEADLINE_MS);
  const metricsText = await (
    await fetch(`${gateway.url}/metrics`, { signal: AbortSignal.timeout(10_000) })
  ).text();
  const all = [...stats.latency.recall, ...stats.latency.remember, ...stats.latency.list];
  const overall = summarize(all.length ? all : [0]);
  const per = (xs: number[]) => (xs.length ? rounded(summarize(xs)) : null);
  const pass = stats.errors === 0 && drain.ok && drain.delivered >= stats.remembered;
  writeResult("R7", {
    value: stats.errors,
    unit: "errors",
    bar: "0 errors, 200 users x 60 s; p50/p99 recorded",
    pass,
    details: {
      users: USERS,
      durationMs: Math.round(elapsedMs),
      turns: stats.turns,
      requests: all.length,
      requestsPerSec: round(all.length / (elapsedMs / 1000), 1),
      p50Ms: round(overall.p50),
      p99Ms: round(overall.p99),
      recall: per(stats.latency.recall),
      remember: per(stats.latency.remember),
      list: per(stats.latency.list),
      recallSkipped: stats.skipped,
      recallDegraded: stats.degraded,
      errorsByCode: stats.errorsByCode,
      errorSamples: stats.errorSamples,
      rememberedAcknowledged: stats.remembered,
      outboxAfterRun: drain,
      gatewayMeansMs: histogramMeansMs(metricsText, "gateway_procedure_duration_seconds"),
      mem0MeansMs: histogramMeansMs(metricsText, "gateway_mem0_call_duration_seconds"),
      gatewayEventLoopLagP99Ms:
        promGauge(metricsText, "gateway_process_nodejs_eventloop_lag_p99_seconds") * 1000,
      machine: { before, after: machineConditions() },
      stack: "embedded mem0 (local embedder, infer off) + PGlite, gateway and mem0 in their own processes",
    },
  });
  console.log(
    `R7: ${USERS} users, ${stats.turns} turns, ${all.length} requests in ${Math.round(elapsedMs / 1000)} s, ` +
      `errors ${stats.errors}, p50 ${round(overall.p50)} ms, p99 ${round(overall.p99)} ms, ` +
      `degraded recalls ${stats.degraded}, outbox delivered ${drain.delivered}/${stats.remembered}`,
  );
} finally {
  await gateway.stop();
}

/** Polls /healthz until nothing is pending or in flight, bounded by `deadlineMs`. */
interface OutboxView {
  pending: number;
  inFlight: number;
  delivered: number;
  dead: number;
}

async function waitForOutboxDrain(url: string, deadlineMs: number) {
  const until = Date.now() + deadlineMs;
  let last: OutboxView | null = null;
  while (Date.now() < until) {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) }).catch(() => null);
    const body = (await res?.json().catch(() => null)) as { checks?: { outbox?: OutboxView } } | null;
    last = body?.checks?.outbox ?? last;
    if (last && last.pending === 0 && last.inFlight === 0) return { ok: last.dead === 0, ...last };
    await new Promise((r) => setTimeout(r, 500));
  }
  return { ok: false, ...(last ?? { pending: -1, inFlight: -1, delivered: 0, dead: -1 }) };
}

function rounded(s: ReturnType<typeof summarize>) {
  return { count: s.count, p50: round(s.p50), p95: round(s.p95), p99: round(s.p99), max: round(s.max) };
}
