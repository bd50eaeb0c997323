import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { timestamps } from "./util/timestamps.js";

/**
 * Where a legacy -> mem0 migration run stands (@automatos/memory-migration), so a run killed at any point
 * resumes after the last page it finished instead of re-reading the table.
 *
 * Invariants:
 * - One row per stream `name` ("memory_items", or "memory_items@<workspace>" for a one-workspace run).
 * - (`sort_ts`, `last_id`) is a keyset position in the order (COALESCE(created_at, '-infinity'), id): every
 *   legacy row at or before it has a final or retryable ledger row. It only moves forward, and only in the
 *   same transaction as the ledger rows of the page it covers.
 * - `finished_at` is set when a run reached the end of the table, cleared when a new run starts.
 */
export const migrationCheckpoint = pgTable("migration_checkpoint", {
  name: text("name").primaryKey(),
  sortTs: text("sort_ts"),
  lastId: text("last_id"),
  // Legacy rows read by all runs under this name (progress and audit only; totals come from the ledger).
  rowsRead: integer("rows_read").notNull().default(0),
  finishedAt: timestamp("finished_at", { withTimezone: true, mode: "date" }),
  ...timestamps,
});
