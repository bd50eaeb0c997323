import type { Db } from "../create-db.js";
import type { OutboxPayload } from "../schema/outbox.js";
import { runHot, runPlanned } from "./prepared.js";
import { CLAIM, SETTLE_SQL } from "./relay-statements.js";

export interface ClaimOptions {
  relayId: string;
  limit: number;
  leaseMs: number;
}

/** What a relay needs of a claimed row to deliver and settle it. */
export interface ClaimedJob {
  id: string;
  /** Attempts including this claim: the fencing token for settle(). */
  attempts: number;
  userId: string | null;
  agentId: string | null;
  runId: string | null;
  payload: OutboxPayload;
  lastError: string | null;
  claimedUntil: Date;
}

interface ClaimedRow {
  id: string;
  attempts: number;
  user_id: string | null;
  agent_id: string | null;
  run_id: string | null;
  payload: OutboxPayload;
  last_error: string | null;
  claimed_until_ms: number;
}

/**
 * Claims up to `limit` due jobs for one relay: pending jobs whose retry time has come, and in-flight jobs
 * whose lease expired (their relay died or stalled); both are "next_attempt_at <= now()", read in due
 * order from the partial index outbox_due_idx (the status list is literal so it matches its predicate).
 *
 * `FOR UPDATE SKIP LOCKED` lets several relays claim from one PostgreSQL at once without waiting on, or
 * taking, each other's rows: a row locked by one claim is skipped by the others, and once committed it is
 * in_flight with a future lease, so no longer due. PGlite runs one statement at a time, where the same
 * SQL is trivially safe. Each claim increments `attempts`, the claim's fencing token for settle().
 */
export async function claimDue(db: Db, { relayId, limit, leaseMs }: ClaimOptions): Promise<ClaimedJob[]> {
  const rows = await runHot<ClaimedRow>(db, CLAIM, [relayId, limit, leaseMs]);
  return rows.map((r) => ({
    id: r.id,
    attempts: r.attempts,
    userId: r.user_id,
    agentId: r.agent_id,
    runId: r.run_id,
    payload: r.payload,
    lastError: r.last_error,
    claimedUntil: new Date(Number(r.claimed_until_ms)),
  }));
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
  const rows = await runPlanned<{ id: string }>(db, SETTLE_SQL, [
    relayId,
    JSON.stringify(records),
    records.map((r) => r.id),
  ]);
  return new Set(rows.map((r) => r.id));
}
