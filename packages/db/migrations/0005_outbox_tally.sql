CREATE TABLE "outbox_tally" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"delivered" bigint DEFAULT 0 NOT NULL,
	"failures" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "outbox_tally_single_row_check" CHECK ("outbox_tally"."id" = 1)
);
--> statement-breakpoint
CREATE INDEX "outbox_dead_idx" ON "outbox" USING btree ("updated_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE status = 'dead';