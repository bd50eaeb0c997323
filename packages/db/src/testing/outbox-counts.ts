import { sql } from "drizzle-orm";
import type { Db } from "../create-db.js";
import { queryRows } from "../sql-rows.js";

export interface OutboxCounts {
  pending: number;
  inFlight: number;
  delivered: number;
  dead: number;
  failed: number;
}

/**
 * What stats() counted before the tally (migrations/0006): every row of the outbox, by status, and the sum
 * of failures. The reference stats() is checked against (tests) and timed against (bench/outbox-stats).
 */
export async function countOutboxRows(db: Db): Promise<OutboxCounts> {
  const [row] = await queryRows<OutboxCounts>(
    db,
    sql`select count(*) filter (where status = 'pending')::int as "pending",
      count(*) filter (where status = 'in_flight')::int as "inFlight",
      count(*) filter (where status = 'delivered')::int as "delivered",
      count(*) filter (where status = 'dead')::int as "dead",
      coalesce(sum(failures), 0)::int as "failed"
    from outbox`,
  );
  return row ?? { pending: 0, inFlight: 0, delivered: 0, dead: 0, failed: 0 };
}
