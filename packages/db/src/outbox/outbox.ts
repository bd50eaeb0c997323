import { and, desc, eq, inArray, lt, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../create-db.js";
import { outbox } from "../schema/outbox.js";
import type { OutboxRow, OutboxStatus } from "../schema/types.js";
import { ENQUEUE } from "./enqueue-statement.js";
import { OutboxConflictError, OutboxValidationError } from "./errors.js";
import { parseEnqueueJob, payloadHash } from "./job-input.js";
import { runHot } from "./prepared.js";
import { type OutboxStats, readOutboxStats } from "./stats.js";

export interface EnqueueResult {
  jobId: string;
  status: OutboxStatus;
  /** True when this idempotency key was already enqueued with the same payload: nothing new was written. */
  duplicate: boolean;
}

export interface ReplayFilter {
  /** Only these jobs (default: every dead job). */
  jobIds?: string[];
  /**
   * Only jobs whose every mem0 id (user_id, agent_id, run_id, whichever are set) starts with this prefix:
   * one workspace's jobs (the policy's `workspace_{id}_`), so an operator of one workspace cannot touch
   * another's. Matched literally (no LIKE wildcards).
   */
  mem0IdPrefix?: string;
}

/** A dead-lettered job as an operator sees it: no payload (it holds what a user said). */
export interface DeadLetter {
  id: string;
  /** Failed attempts over the job's life. */
  failures: number;
  lastError: string | null;
  createdAt: Date;
  /** When it was dead-lettered (its last change). */
  updatedAt: Date;
}

export interface DeadLetterFilter {
  /** As in ReplayFilter: required here, listing is always within one workspace's ids. */
  mem0IdPrefix: string;
  /** Newest first, at most this many (1..200, default 50). */
  limit?: number;
}

export interface Outbox {
  /** Stores a job durably (call it in the request that accepts a `remember`, before acknowledging it). */
  enqueue(job: unknown): Promise<EnqueueResult>;
  get(jobId: string): Promise<OutboxRow | null>;
  stats(): Promise<OutboxStats>;
  /** Moves dead jobs back to pending with a fresh attempt budget. Returns the replayed job ids. */
  replayDead(filter?: ReplayFilter): Promise<{ replayed: number; jobIds: string[] }>;
  /** Dead-lettered jobs of one workspace's mem0 ids, newest first (what an operator picks to replay). */
  listDead(filter: DeadLetterFilter): Promise<DeadLetter[]>;
  /**
   * Deletes jobs delivered more than `olderThanMs` ago, the oldest first and at most `limit` of them when
   * given (one short statement: on PGlite each holds the event loop); their idempotency keys become
   * reusable. Returns how many were deleted.
   */
  purgeDelivered(options: { olderThanMs: number; limit?: number }): Promise<number>;
  /**
   * Reclaims the space of dead row versions (every claim, settle and purge leaves them). PostgreSQL's
   * autovacuum does this by itself; PGlite runs without autovacuum (createOutboxMaintenance calls this
   * there). `analyze` (default true) also refreshes the planner's statistics: a sample of the whole table,
   * ~0.7 s on PGlite at 1M rows, where the vacuum alone takes 5-130 ms. Not inside a transaction.
   */
  vacuum(options?: { analyze?: boolean }): Promise<void>;
  /**
   * Refreshes the planner's statistics of the columns the purge plans with (`status`, `delivered_at`; a
   * sample of 3,000 rows, migrations/0008): without them a batch of `purgeDelivered` reads every eligible row.
   * PostgreSQL's autovacuum does this by itself; on PGlite createOutboxMaintenance calls it before each pass.
   */
  analyzeForPurge(): Promise<void>;
}

export interface OutboxOptions {
  /** Called after a new job is stored, e.g. `relay.notify` so an in-process relay delivers it at once. */
  onEnqueued?: (jobId: string) => void;
}

const uuid = z.uuid();

/** Every set entity id of the row starts with `prefix` (the check constraint guarantees one is set). */
function idsStartWith(prefix: string) {
  if (prefix.length === 0) throw new OutboxValidationError("mem0IdPrefix", "expected a non-empty prefix");
  const n = prefix.length;
  return and(
    sql`(${outbox.userId} is null or left(${outbox.userId}, ${n}::int) = ${prefix})`,
    sql`(${outbox.agentId} is null or left(${outbox.agentId}, ${n}::int) = ${prefix})`,
    sql`(${outbox.runId} is null or left(${outbox.runId}, ${n}::int) = ${prefix})`,
  );
}

function deliveredBefore(olderThanMs: number) {
  return and(
    eq(outbox.status, "delivered"),
    lt(outbox.deliveredAt, sql`now() - ${Math.floor(olderThanMs)}::int * interval '1 millisecond'`),
  );
}

/**
 * The ids of one purge batch: the oldest delivered jobs past the retention, through outbox_delivered_idx in
 * order (a plan that needs the statistics of analyzeForPurge). Exported for the test that checks the plan.
 */
export function purgeBatch(db: Db, olderThanMs: number, limit: number) {
  return db
    .select({ id: outbox.id })
    .from(outbox)
    .where(deliveredBefore(olderThanMs))
    .orderBy(outbox.deliveredAt)
    .limit(limit);
}

/** The outbox over a drizzle handle (a database or a transaction: enqueue then joins the caller's transaction). */
export function createOutbox(db: Db, options: OutboxOptions = {}): Outbox {
  return {
    async enqueue(input) {
      const job = parseEnqueueJob(input);
      const hash = payloadHash(job);
      // Two rounds: the existing row may be purged between the conflicting insert and the lookup.
      for (let round = 0; round < 2; round++) {
        const [inserted] = await runHot<{ id: string; status: OutboxStatus }>(db, ENQUEUE, [
          job.idempotencyKey,
          job.mem0Ids.user_id ?? null,
          job.mem0Ids.agent_id ?? null,
          job.mem0Ids.run_id ?? null,
          JSON.stringify(job.payload),
          hash,
        ]);
        if (inserted) {
          options.onEnqueued?.(inserted.id);
          return { jobId: inserted.id, status: inserted.status, duplicate: false };
        }
        const [existing] = await db
          .select({ id: outbox.id, status: outbox.status, payloadHash: outbox.payloadHash })
          .from(outbox)
          .where(eq(outbox.idempotencyKey, job.idempotencyKey));
        if (!existing) continue;
        if (existing.payloadHash !== hash) throw new OutboxConflictError(job.idempotencyKey, existing.id);
        return { jobId: existing.id, status: existing.status, duplicate: true };
      }
      throw new Error(`outbox: idempotency key "${job.idempotencyKey}" kept conflicting with a purged job`);
    },

    async get(jobId) {
      if (!uuid.safeParse(jobId).success) throw new OutboxValidationError("jobId", "expected a UUID");
      const [row] = await db.select().from(outbox).where(eq(outbox.id, jobId));
      return row ?? null;
    },

    stats: () => readOutboxStats(db),

    async replayDead(filter = {}) {
      const ids = filter.jobIds;
      if (ids) {
        const bad = ids.findIndex((id) => !uuid.safeParse(id).success);
        if (bad >= 0) throw new OutboxValidationError(`jobIds.${bad}`, "expected a UUID");
        if (ids.length === 0) return { replayed: 0, jobIds: [] };
      }
      const rows = await db
        .update(outbox)
        .set({ status: "pending", attempts: 0, nextAttemptAt: sql`now()`, updatedAt: sql`now()` })
        .where(
          and(
            eq(outbox.status, "dead"),
            ids ? inArray(outbox.id, ids) : undefined,
            filter.mem0IdPrefix !== undefined ? idsStartWith(filter.mem0IdPrefix) : undefined,
          ),
        )
        .returning({ id: outbox.id });
      return { replayed: rows.length, jobIds: rows.map((r) => r.id) };
    },

    async listDead({ mem0IdPrefix, limit = 50 }) {
      if (!Number.isInteger(limit) || limit < 1 || limit > 200)
        throw new OutboxValidationError("limit", "expected an integer in 1..200");
      return db
        .select({
          id: outbox.id,
          failures: outbox.failures,
          lastError: outbox.lastError,
          createdAt: outbox.createdAt,
          updatedAt: outbox.updatedAt,
        })
        .from(outbox)
        .where(and(eq(outbox.status, "dead"), idsStartWith(mem0IdPrefix)))
        .orderBy(desc(outbox.updatedAt), desc(outbox.id))
        .limit(limit);
    },

    async purgeDelivered({ olderThanMs, limit }) {
      if (!Number.isFinite(olderThanMs) || olderThanMs < 0)
        throw new OutboxValidationError("olderThanMs", "expected a non-negative number of milliseconds");
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 1))
        throw new OutboxValidationError("limit", "expected a positive integer");
      const rows = await db
        .delete(outbox)
        .where(
          limit === undefined
            ? deliveredBefore(olderThanMs)
            : inArray(outbox.id, purgeBatch(db, olderThanMs, limit)),
        )
        .returning({ id: outbox.id });
      return rows.length;
    },

    async vacuum({ analyze = true } = {}) {
      await db.execute(analyze ? sql`vacuum (analyze) outbox` : sql`vacuum outbox`);
    },

    async analyzeForPurge() {
      await db.execute(sql`analyze outbox (status, delivered_at)`);
    },
  };
}
