-- The housekeeping's purge (src/outbox/maintenance.ts) takes the oldest delivered rows a batch at a time. With
-- no statistics the planner guesses a few hundred eligible rows and reads them all through a bitmap, then sorts
-- them for one batch: at 300k eligible rows that was ~130 ms per batch of 1,000 on PGlite (on the host's event
-- loop). With statistics on these two columns it walks outbox_delivered_idx in order and stops at the batch
-- (~1-5 ms). PGlite has no autovacuum, so the housekeeping analyzes them before each pass; a target of 10 keeps
-- that to ~26 ms at 1M rows (~365 ms at the default 100) and is plenty for four statuses and a time range.
ALTER TABLE "outbox" ALTER COLUMN "status" SET STATISTICS 10;
--> statement-breakpoint
ALTER TABLE "outbox" ALTER COLUMN "delivered_at" SET STATISTICS 10;
