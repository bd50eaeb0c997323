DROP INDEX "migration_ledger_workspace_status_idx";--> statement-breakpoint
DROP INDEX "migration_ledger_status_idx";--> statement-breakpoint
DROP INDEX "migration_ledger_dedupe_key_idx";--> statement-breakpoint
CREATE INDEX "migration_ledger_retryable_idx" ON "migration_ledger" USING btree ("legacy_id") WHERE "migration_ledger"."status" in ('failed', 'in_flight');--> statement-breakpoint
CREATE INDEX "migration_ledger_dedupe_key_idx" ON "migration_ledger" USING btree ("dedupe_key") WHERE "migration_ledger"."dedupe_key" is not null;