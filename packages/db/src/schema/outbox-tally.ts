import { sql } from "drizzle-orm";
import { bigint, check, pgTable, smallint } from "drizzle-orm/pg-core";

/**
 * Running totals of the outbox table, so `stats()` never counts the table's bulk. Delivered rows pile up
 * until `purgeDelivered` removes them (hundreds of thousands after an hour at full load), and counting them
 * on every health probe and metrics scrape held the gateway's event loop (on PGlite) for 51 ms at 100k rows
 * and 671 ms at 1M (packages/db README, "Stats stay cheap as the table grows").
 *
 * Invariants (kept by the triggers of migrations/0006_outbox_tally_triggers.sql, on every insert, update,
 * delete and truncate of `outbox`, whoever writes: the relay's hand-written statements, drizzle, an operator):
 * - At most one row, id 1; no row means both totals are 0 (a truncate of this table and the outbox together).
 * - `delivered` = rows of `outbox` whose status is delivered; `failures` = the sum of `outbox.failures`.
 *   Both are exact in every snapshot: the triggers run in the writing statement's transaction.
 */
export const outboxTally = pgTable(
  "outbox_tally",
  {
    id: smallint("id").primaryKey().default(1),
    delivered: bigint("delivered", { mode: "number" }).notNull().default(0),
    failures: bigint("failures", { mode: "number" }).notNull().default(0),
  },
  (t) => [check("outbox_tally_single_row_check", sql`${t.id} = 1`)],
);
