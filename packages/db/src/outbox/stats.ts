import { sql } from "drizzle-orm";
import type { Db } from "../create-db.js";
import { queryRows } from "../sql-rows.js";

/**
 * Outbox gauges and counters, read from the table so they hold across processes and restarts.
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

export async function readOutboxStats(db: Db): Promise<OutboxStats> {
  const [row] = await queryRows<StatsRow>(
    db,
    sql`select
      count(*) filter (where status = 'pending')::int as pending,
      count(*) filter (where status = 'in_flight')::int as in_flight,
      count(*) filter (where status = 'delivered')::int as delivered,
      count(*) filter (where status = 'dead')::int as dead,
      coalesce(sum(failures), 0)::float8 as failed,
      (extract(epoch from now() - min(created_at) filter (where status in ('pending', 'in_flight'))) * 1000)::float8
        as oldest_pending_age_ms
    from outbox`,
  );
  return {
    pending: row?.pending ?? 0,
    inFlight: row?.in_flight ?? 0,
    delivered: row?.delivered ?? 0,
    dead: row?.dead ?? 0,
    failed: Number(row?.failed ?? 0),
    oldestPendingAgeMs: Math.max(0, Math.round(Number(row?.oldest_pending_age_ms ?? 0))),
  };
}
