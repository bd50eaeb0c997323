/**
 * memory.health: what an operator needs at a glance. Never throws for a failing part: each part reports its
 * own state, and `ok` is false when mem0 is unreachable or the outbox has dead letters.
 */
import type { InnerContext } from "../context.js";
import type { HealthOutput } from "../schemas/outputs.js";

function errorLabel(e: unknown): string {
  if (e instanceof Error) {
    const kind = (e as { kind?: unknown }).kind;
    return typeof kind === "string" ? kind : e.name;
  }
  return "error";
}

export async function health(
  ctx: Pick<InnerContext, "mem0" | "outbox" | "cutover" | "config" | "requestId">,
  workspaceId: string,
): Promise<HealthOutput> {
  const [ping, stats, mode] = await Promise.allSettled([
    ctx.mem0.ping({ requestId: ctx.requestId, timeoutMs: ctx.config.healthTimeoutMs }),
    ctx.outbox ? ctx.outbox.stats() : Promise.resolve(null),
    // The mode the caller's writes follow right now (cached like theirs); `mem0` on a host without a legacy store.
    ctx.cutover ? ctx.cutover.modes.modeOf(workspaceId) : Promise.resolve("mem0" as const),
  ]);
  const mem0 =
    ping.status === "fulfilled"
      ? { reachable: true, latencyMs: ping.value.latencyMs, breaker: ctx.mem0.breakerState(), error: null }
      : {
          reachable: false,
          latencyMs: null,
          breaker: ctx.mem0.breakerState(),
          error: errorLabel(ping.reason),
        };
  const outbox =
    stats.status === "fulfilled" && stats.value
      ? {
          pending: stats.value.pending,
          inFlight: stats.value.inFlight,
          dead: stats.value.dead,
          oldestPendingAgeMs: stats.value.oldestPendingAgeMs,
        }
      : null;
  return {
    ok: mem0.reachable && (outbox === null || outbox.dead === 0) && stats.status === "fulfilled",
    mem0,
    outbox,
    inference: ctx.config.inference,
    // null: the mode could not be read (the database is down; the outbox stats say so too).
    migrationMode: mode.status === "fulfilled" ? mode.value : null,
  };
}
