import { errorKind } from "./observability/error-kind.js";
import type { OutboxGaugeStats } from "./observability/metrics.js";

export interface HealthReport {
  /**
   * `ok`: everything up. `degraded`: mem0 is unreachable but the gateway still serves (recall answers empty
   * and says so, remember queues in the outbox), so it stays ready. `unready`: the database is down (remember
   * could not be acknowledged durably): send traffic elsewhere. `draining`: shutting down.
   */
  status: "ok" | "degraded" | "unready" | "draining";
  live: boolean;
  ready: boolean;
  checks: {
    mem0: { ok: boolean; latencyMs?: number; breaker?: string; error?: string };
    db: { ok: boolean; kind?: string; error?: string };
    outbox?: OutboxGaugeStats;
    relay: "running" | "off";
  };
}

export interface HealthSources {
  pingMem0: () => Promise<{ latencyMs: number }>;
  breakerState: () => string;
  /** Proves the database is open and migrated (it reads the outbox table). */
  outboxStats: () => Promise<OutboxGaugeStats>;
  dbKind: string;
  relayRunning: () => boolean;
  draining: () => boolean;
  timeoutMs?: number;
}

/**
 * Liveness and readiness in one answer. Readiness follows the database, not mem0: taking the gateway out of
 * service while mem0 is down would turn a degraded recall into failed chat turns and refuse the writes the
 * outbox exists to keep. Each probe has its own deadline so a hung dependency cannot hang the health check.
 * Errors are reported by kind only (never a URL or message that could carry a credential).
 */
export async function checkHealth(src: HealthSources): Promise<HealthReport> {
  const timeoutMs = src.timeoutMs ?? 2_000;
  const [mem0, db] = await Promise.allSettled([
    withDeadline(src.pingMem0(), timeoutMs),
    withDeadline(src.outboxStats(), timeoutMs),
  ]);
  const checks: HealthReport["checks"] = {
    mem0:
      mem0.status === "fulfilled"
        ? { ok: true, latencyMs: Math.round(mem0.value.latencyMs * 100) / 100, breaker: src.breakerState() }
        : { ok: false, breaker: src.breakerState(), error: errorKind(mem0.reason) },
    db:
      db.status === "fulfilled" ? { ok: true, kind: src.dbKind } : { ok: false, error: errorKind(db.reason) },
    relay: src.relayRunning() ? "running" : "off",
  };
  if (db.status === "fulfilled") checks.outbox = db.value;
  const draining = src.draining();
  const ready = !draining && checks.db.ok;
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
