import { and, asc, eq, inArray, lte, or, sql } from "drizzle-orm";
import type { Db } from "../create-db.js";
import { outbox } from "../schema/outbox.js";
import type { OutboxRow } from "../schema/types.js";
import { queryRows } from "../sql-rows.js";

export interface ClaimOptions {
  relayId: string;
  limit: number;
  leaseMs: number;
}

/**
 * Claims up to `limit` due jobs for one relay: pending jobs whose retry time has come, and in-flight jobs
 * whose lease expired (their relay died or stalled). `FOR UPDATE SKIP LOCKED` lets several relays claim
 * from one PostgreSQL at once without waiting on, or taking, each other's rows; a row locked by one claim
 * is skipped by the others, and once committed it is in_flight with a future lease, so no longer due.
 * PGlite runs one statement at a time, where the same SQL is trivially safe.
 *
 * Each claim increments `attempts`, which becomes the claim's fencing token for settle().
 */
export async function claimDue(db: Db, { relayId, limit, leaseMs }: ClaimOptions): Promise<OutboxRow[]> {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      or(
        and(eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, sql`now()`)),
        and(eq(outbox.status, "in_flight"), lte(outbox.claimedUntil, sql`now()`)),
      ),
    )
    .orderBy(asc(outbox.nextAttemptAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  const expired = sql`${outbox.status} = 'in_flight'`;
  return db
    .update(outbox)
    .set({
      status: "in_flight",
      claimedBy: relayId,
      claimedUntil: sql`now() + ${leaseMs}::int * interval '1 millisecond'`,
      attempts: sql`${outbox.attempts} + 1`,
      // A re-claimed expired lease is an attempt that failed without telling us why.
      failures: sql`${outbox.failures} + case when ${expired} then 1 else 0 end`,
      lastError: sql`case when ${expired}
        then 'lease of relay ' || ${outbox.claimedBy} || ' expired before it settled the delivery'
        else ${outbox.lastError} end`,
      updatedAt: sql`now()`,
    })
    .where(inArray(outbox.id, due))
    .returning();
}

export type SettleOutcome = "delivered" | "retry" | "dead" | "release";

export interface Settlement {
  id: string;
  /** `attempts` as returned by the claim: the fencing token. */
  claimAttempts: number;
  /** delivered; retry (back to pending after delayMs); dead; release (back to pending, attempt not counted). */
  outcome: SettleOutcome;
  /** Whether this settlement records a failed attempt (retry, dead after an error). */
  failed: boolean;
  delayMs?: number;
  error?: string;
  result?: unknown;
}

/**
 * Records the outcome of a batch of claimed jobs in one statement. A row is only updated if this relay
 * still holds the claim (same relay id and same attempts): if its lease expired and another relay took
 * the row, the late outcome is dropped (the other relay's delivery will be recorded instead).
 * Returns the ids that were settled.
 */
export async function settle(db: Db, relayId: string, settlements: Settlement[]): Promise<Set<string>> {
  if (settlements.length === 0) return new Set();
  const records = settlements.map((s) => ({
    id: s.id,
    claim_attempts: s.claimAttempts,
    outcome: s.outcome,
    failed: s.failed,
    delay_ms: Math.max(0, Math.round(s.delayMs ?? 0)),
    error: s.error ?? null,
    result: s.result ?? null,
  }));
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update outbox as o set
      status = case d.outcome when 'delivered' then 'delivered' when 'dead' then 'dead' else 'pending' end,
      attempts = case when d.outcome = 'release' then o.attempts - 1 else o.attempts end,
      failures = o.failures + case when d.failed then 1 else 0 end,
      next_attempt_at = case when d.outcome in ('retry', 'release')
        then now() + d.delay_ms * interval '1 millisecond' else o.next_attempt_at end,
      last_error = coalesce(d.error, o.last_error),
      mem0_result = coalesce(d.result, o.mem0_result),
      delivered_at = case when d.outcome = 'delivered' then now() else o.delivered_at end,
      claimed_by = null,
      claimed_until = null,
      updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(records)}::text::jsonb)
      as d(id uuid, claim_attempts int, outcome text, failed boolean, delay_ms int, error text, result jsonb)
    where o.id = d.id and o.status = 'in_flight' and o.claimed_by = ${relayId} and o.attempts = d.claim_attempts
    returning o.id`,
  );
  return new Set(rows.map((r) => r.id));
}
