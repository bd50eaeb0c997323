import type { OutboxStatsView } from "@automatos/memory/server";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/**
 * The gateway's Prometheus metrics. One registry per gateway instance (not prom-client's global one), so two
 * gateways in one process (tests, benchmarks) never share or double-register series.
 *
 * Label values are bounded: procedures are the router's known paths (anything else is "unknown"), error
 * codes are tRPC's fixed set, mem0 operations are the client's method names. No tenant id is ever a label.
 */
export interface GatewayMetrics {
  registry: Registry;
  httpRequests: Counter<"route" | "status">;
  procedureCalls: Counter<"procedure" | "outcome">;
  procedureDuration: Histogram<"procedure">;
  mem0Duration: Histogram<"operation" | "outcome">;
  authFailures: Counter<"reason">;
  inFlight: Gauge;
  /** Restarts of the embedded mem0 engine by the cause of the death (exit, unresponsive). */
  engineRestarts: Counter<"cause">;
}

export interface MetricSources {
  /** Outbox depth; called on every scrape. Null when the database is unreachable. */
  outboxStats?: () => Promise<OutboxGaugeStats | null>;
  breakerState?: () => "closed" | "open" | "half-open";
  /** Seconds since mem0 last answered (0 while it answers). */
  mem0UnreachableMs?: () => number | null;
}

/** The outbox table's view: @automatos/db's OutboxStats, through the memory server's port. */
export type OutboxGaugeStats = OutboxStatsView;

// Sub-millisecond buckets matter: the gateway's own cost is counted in fractions of a millisecond (docs/targets.md
// P1: its bar is <= 300 us of gateway CPU per recall call; added latency, once <= 1 ms p50, is now reported only).
const LATENCY_BUCKETS = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 10,
];

export function createGatewayMetrics(sources: MetricSources, opts: { defaultMetrics?: boolean } = {}) {
  const registry = new Registry();
  if (opts.defaultMetrics !== false)
    collectDefaultMetrics({ register: registry, prefix: "gateway_process_" });
  const registers = [registry];

  const metrics: GatewayMetrics = {
    registry,
    httpRequests: new Counter({
      name: "gateway_http_requests_total",
      help: "HTTP requests by route (trpc, healthz, metrics, other) and status code",
      labelNames: ["route", "status"],
      registers,
    }),
    procedureCalls: new Counter({
      name: "gateway_procedure_calls_total",
      help: "tRPC procedure calls by procedure and outcome (ok or the tRPC error code)",
      labelNames: ["procedure", "outcome"],
      registers,
    }),
    procedureDuration: new Histogram({
      name: "gateway_procedure_duration_seconds",
      help: "Time from request arrival to response end, per procedure (memory.recall and memory.search included)",
      labelNames: ["procedure"],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    mem0Duration: new Histogram({
      name: "gateway_mem0_call_duration_seconds",
      help: "Latency of calls to mem0 through the mem0 client (retries included), by operation and outcome",
      labelNames: ["operation", "outcome"],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    authFailures: new Counter({
      name: "gateway_auth_failures_total",
      help: "Refused requests by reason (the HTTP answer does not say which)",
      labelNames: ["reason"],
      registers,
    }),
    inFlight: new Gauge({
      name: "gateway_in_flight_requests",
      help: "Requests being processed",
      registers,
    }),
    engineRestarts: new Counter({
      name: "gateway_mem0_engine_restarts_total",
      help: "Restarts of the embedded mem0 engine's child process, by cause (exit: it exited or was killed; unresponsive: it stopped answering its health probe)",
      labelNames: ["cause"],
      registers,
    }),
  };
  new Gauge({
    name: "gateway_mem0_unreachable_seconds",
    help: "Time since mem0 last answered (0 while it answers); readiness turns false past MEMORY_READY_UNREACHABLE_MS",
    registers,
    collect() {
      const ms = sources.mem0UnreachableMs?.();
      if (ms !== null && ms !== undefined) this.set(ms / 1000);
    },
  });

  // Both outbox gauges read one stats query per scrape (prom-client collects metrics concurrently).
  const outboxStats = sharedWithinScrape(
    async () => (await sources.outboxStats?.().catch(() => null)) ?? null,
  );
  new Gauge({
    name: "gateway_outbox_jobs",
    help: "Outbox jobs by state (pending, in_flight, delivered, dead = needs replay)",
    labelNames: ["state"],
    registers,
    async collect() {
      const stats = await outboxStats();
      if (!stats) return;
      this.set({ state: "pending" }, stats.pending);
      this.set({ state: "in_flight" }, stats.inFlight);
      this.set({ state: "delivered" }, stats.delivered);
      this.set({ state: "dead" }, stats.dead);
    },
  });
  new Gauge({
    name: "gateway_outbox_failed_attempts",
    help: "Failed delivery attempts recorded on the jobs in the outbox table (retries and dead letters)",
    registers,
    async collect() {
      const stats = await outboxStats();
      if (stats) this.set(stats.failed);
    },
  });
  new Gauge({
    name: "gateway_outbox_oldest_pending_age_seconds",
    help: "Age of the oldest job not yet delivered (0 when none)",
    registers,
    async collect() {
      const stats = await outboxStats();
      if (stats) this.set(stats.oldestPendingAgeMs / 1000);
    },
  });
  new Gauge({
    name: "gateway_mem0_breaker_state",
    help: "The mem0 client's circuit breaker: 1 for the current state, 0 for the others",
    labelNames: ["state"],
    registers,
    collect() {
      const current = sources.breakerState?.();
      if (!current) return;
      for (const s of ["closed", "half-open", "open"] as const) this.set({ state: s }, s === current ? 1 : 0);
    },
  });
  return metrics;
}

/** Calls made within `windowMs` of each other share one promise (one db query per scrape, not per gauge). */
function sharedWithinScrape<T>(fn: () => Promise<T>, windowMs = 250): () => Promise<T> {
  let last: { at: number; promise: Promise<T> } | null = null;
  return () => {
    const now = Date.now();
    if (last && now - last.at < windowMs) return last.promise;
    last = { at: now, promise: fn() };
    return last.promise;
  };
}
