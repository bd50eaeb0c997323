import type { Mem0ReachabilityStatus } from "@automatos/memory/stack";
import { errorKind } from "./observability/error-kind.js";
import type { OutboxGaugeStats } from "./observability/metrics.js";

export interface HealthReport {
  /**
   * `ok`: everything up. `degraded`: mem0 does not answer the health ping but has not been silent for longer
   * than MEMORY_READY_UNREACHABLE_MS (recall answers empty and says so, remember queues in the outbox), so the
   * gateway stays ready. `unready`: the database is down (remember could not be acknowledged durably), or
   * mem0 has been unreachable for longer than allowed (an engine or server that is not coming back by
   * itself): send traffic elsewhere, or recycle. `draining`: shutting down.
   */
  status: "ok" | "degraded" | "unready" | "draining";
  live: boolean;
  ready: boolean;
  checks: {
    mem0: {
      ok: boolean;
      latencyMs?: number;
      breaker?: string;
      error?: string;
      /** Time since mem0 last answered anything (0 while it answers). */
      unreachableForMs: number;
      /** The embedded engine's supervisor, when mem0 is embedded. */
      engine?: EngineStatus;
    };
    db: { ok: boolean; kind?: string; error?: string };
    outbox?: OutboxGaugeStats;
    relay: "running" | "off";
  };
}

/** The embedded engine as its supervisor sees it (structurally @automatos/mem0-embedded's SupervisionStatus). */
export interface EngineStatus {
  state: "running" | "restarting" | "stopped";
  pid: number | null;
  restarts: number;
  lastExit: { cause: string; exit: string; at: string } | null;
}

/** @automatos/memory's Mem0Reachability status. */
export type ReachabilityStatus = Mem0ReachabilityStatus;

export interface HealthSources {
  pingMem0: () => Promise<{ latencyMs: number }>;
  breakerState: () => string;
  mem0Reachability: () => ReachabilityStatus;
  /** Null when mem0 is remote (nothing supervised here). */
  engine?: () => EngineStatus | null;
  /** Proves the database is open and migrated (it reads the outbox table). */
  outboxStats: () => Promise<OutboxGaugeStats>;
  dbKind: string;
  relayRunning: () => boolean;
  draining: () => boolean;
  timeoutMs?: number;
}

/**
 * Liveness and readiness in one answer. `live` is true whenever this answers (the process serves HTTP).
 * Readiness follows the database, and mem0 only after a grace: taking the gateway out of service at the first
 * mem0 hiccup would turn a degraded recall into failed chat turns and refuse the writes the outbox exists to
 * keep, but a mem0 silent for longer than MEMORY_READY_UNREACHABLE_MS will not heal by being waited on, and
 * an orchestrator must see it. Each probe has its own deadline so a hung dependency cannot hang the check.
 * Errors are reported by kind only (never a URL or message that could carry a credential).
 */
export async function checkHealth(src: HealthSources): Promise<HealthReport> {
  const timeoutMs = src.timeoutMs ?? 2_000;
  const [mem0, db] = await Promise.allSettled([
    withDeadline(src.pingMem0(), timeoutMs),
    withDeadline(src.outboxStats(), timeoutMs),
  ]);
  const reach = src.mem0Reachability();
  const engine = src.engine?.() ?? null;
  const checks: HealthReport["checks"] = {
    mem0: {
      ...(mem0.status === "fulfilled"
        ? { ok: true, latencyMs: Math.round(mem0.value.latencyMs * 100) / 100, breaker: src.breakerState() }
        : { ok: false, breaker: src.breakerState(), error: errorKind(mem0.reason) }),
      unreachableForMs: mem0.status === "fulfilled" ? 0 : Math.round(reach.unreachableForMs),
      ...(engine ? { engine } : {}),
    },
    db:
      db.status === "fulfilled" ? { ok: true, kind: src.dbKind } : { ok: false, error: errorKind(db.reason) },
    relay: src.relayRunning() ? "running" : "off",
  };
  if (db.status === "fulfilled") checks.outbox = db.value;
  const draining = src.draining();
  const ready = !draining && checks.db.ok && (mem0.status === "fulfilled" || reach.ready);
  const status = draining ? "draining" : !ready ? "unready" : checks.mem0.ok ? "ok" : "degraded";
  return { status, live: true, ready, checks };
}

class DeadlineError extends Error {
  readonly kind = "timeout";
}

async function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new DeadlineError("deadline")), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
