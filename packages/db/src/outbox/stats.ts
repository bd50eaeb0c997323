import { sql } from "drizzle-orm";
import type { Db } from "../create-db.js";
import { queryRows } from "../sql-rows.js";

/**
 * Outbox gauges and counters, read from the database so they hold across processes and restarts.
 * - pending / inFlight / delivered / dead: rows in each status (gauges).
 * - failed: failed delivery attempts of the rows in the table (a counter; purging delivered rows drops
 *   theirs). A relay crash counts as a failed attempt once its lease expires.
 * - oldestPendingAgeMs: age of the oldest job not yet delivered (pending or in flight); 0 when none.
 */
export interface OutboxStats {
  pending: number;
  inFlight: number;
  delivered: number;
  failed: number;
  dead: number;
  oldestPendingAgeMs: number;
}

interface StatsRow {
  pending: number;
  in_flight: number;
  delivered: number;
  dead: number;
  failed: number;
  oldest_pending_age_ms: number | null;
}

/**
 * Reads only what stays small: the running totals (outbox_tally, kept by triggers), the backlog through
 * outbox_due_idx and the dead letters through outbox_dead_idx. One statement, so one snapshot: the figures
 * agree with each other as a full count would. Exported for the test that checks its plan.
 */
export const OUTBOX_STATS_QUERY = sql`select
    count(*) filter (where status = 'pending')::int as pending,
    count(*) filter (where status = 'in_flight')::int as in_flight,
    (select count(*) from outbox where status = 'dead')::int as dead,
    coalesce((select delivered from outbox_tally where id = 1), 0)::float8 as delivered,
    coalesce((select failures from outbox_tally where id = 1), 0)::float8 as failed,
    (extract(epoch from now() - min(created_at)) * 1000)::float8 as oldest_pending_age_ms
  from outbox
  where status in ('pending', 'in_flight')`;

export async function readOutboxStats(db: Db): Promise<OutboxStats> {
  const [row] = await queryRows<StatsRow>(db, OUTBOX_STATS_QUERY);
  return {
    pending: row?.pending ?? 0,
    inFlight: row?.in_flight ?? 0,
    delivered: Number(row?.delivered ?? 0),
    dead: row?.dead ?? 0,
    failed: Number(row?.failed ?? 0),
    oldestPendingAgeMs: Math.max(0, Math.round(Number(row?.oldest_pending_age_ms ?? 0))),
  };
}
