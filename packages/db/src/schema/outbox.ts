import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { timestamps } from "./util/timestamps.js";

export const OUTBOX_STATUSES = ["pending", "in_flight", "delivered", "dead"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** What the relay sends to mem0 for one job (the body of a mem0 `add`, minus the ids). */
export interface OutboxPayload {
  messages: { role: string; content: string }[];
  metadata?: Record<string, unknown>;
  infer?: boolean;
  expirationDate?: string | null;
}

/**
 * One accepted `remember`, waiting for (or done with) delivery to mem0.
 *
 * Lifecycle: pending -> in_flight (claimed by a relay, lease until `claimed_until`) -> delivered | pending
 * (retry after `next_attempt_at`) | dead (after the configured number of attempts, or a permanent error).
 * `replayDead` moves dead rows back to pending.
 *
 * Invariants:
 * - `idempotency_key` is unique; `payload_hash` fingerprints (mem0 ids + payload) so a reused key with a
 *   different body is detected instead of silently dropped.
 * - At least one of `user_id` / `agent_id` / `run_id` is set: mem0 rejects an add without an entity id.
 * - `attempts` counts claims since the last replay and is the claim's fencing token: a relay may only settle
 *   a row whose `attempts` still equals the value it claimed it with, so a relay whose lease expired cannot
 *   overwrite the outcome of the relay that re-claimed the row.
 * - `failures` counts every failed attempt of the row's life (never reset, unlike `attempts`).
 * - `next_attempt_at` is when the row is next due for a claim: its retry time while pending, its lease
 *   expiry while in_flight (equal to `claimed_until`), so one ordered index serves both kinds of claim.
 * - `claimed_by` / `claimed_until` are set exactly while the row is in_flight.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    idempotencyKey: text("idempotency_key").notNull().unique("outbox_idempotency_key_unique"),
    // The mem0 entity ids, already resolved by the scoping policy (snake_case in mem0).
    userId: text("user_id"),
    agentId: text("agent_id"),
    runId: text("run_id"),
    payload: jsonb("payload").$type<OutboxPayload>().notNull(),
    payloadHash: text("payload_hash").notNull(),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    failures: integer("failures").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    lastError: text("last_error"),
    claimedBy: text("claimed_by"),
    claimedUntil: timestamp("claimed_until", { withTimezone: true, mode: "date" }),
    ...timestamps,
    deliveredAt: timestamp("delivered_at", { withTimezone: true, mode: "date" }),
    // What mem0 answered: { status: "done", results: [...] } or { status: "pending", eventId }.
    mem0Result: jsonb("mem0_result").$type<Record<string, unknown>>(),
  },
  (t) => [
    check("outbox_status_check", sql`${t.status} in ('pending', 'in_flight', 'delivered', 'dead')`),
    check(
      "outbox_entity_check",
      sql`${t.userId} is not null or ${t.agentId} is not null or ${t.runId} is not null`,
    ),
    check("outbox_attempts_check", sql`${t.attempts} >= 0 and ${t.failures} >= 0`),
    // The relay's claim: due rows in due order. Partial, so delivered and dead rows (the bulk of the table
    // over time) are not in it and a claim reads only the rows it takes.
    index("outbox_due_idx").on(t.nextAttemptAt).where(sql`status in ('pending', 'in_flight')`),
    // Dead letters, newest first (listDead's order), and their count in stats() without reading the
    // delivered bulk.
    index("outbox_dead_idx").on(t.updatedAt.desc(), t.id.desc()).where(sql`status = 'dead'`),
    // Delivered rows oldest first: the retention purge takes them a batch at a time without reading the rest.
    index("outbox_delivered_idx").on(t.deliveredAt).where(sql`status = 'delivered'`),
  ],
);
