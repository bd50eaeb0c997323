CREATE TABLE "migration_checkpoint" (
	"name" text PRIMARY KEY NOT NULL,
	"sort_ts" text,
	"last_id" text,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "migration_ledger" (
	"legacy_table" text NOT NULL,
	"legacy_id" text NOT NULL,
	"workspace_id" text,
	"status" text NOT NULL,
	"reason" text,
	"user_id" text,
	"agent_id" text,
	"run_id" text,
	"mem0_memory_ids" jsonb,
	"mem0_event_id" text,
	"dedupe_key" text,
	"duplicate_of" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"error_kind" text,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "migration_ledger_pk" PRIMARY KEY("legacy_table","legacy_id"),
	CONSTRAINT "migration_ledger_status_check" CHECK ("migration_ledger"."status" in ('in_flight', 'done', 'failed', 'skipped', 'quarantined'))
);
--> statement-breakpoint
CREATE TABLE "migration_verification" (
	"workspace_id" text PRIMARY KEY NOT NULL,
	"passed" boolean NOT NULL,
	"eligible" integer NOT NULL,
	"present" integer NOT NULL,
	"missing" integer NOT NULL,
	"duplicates" integer NOT NULL,
	"overlap" double precision,
	"report" jsonb NOT NULL,
	"verified_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "migration_ledger_dedupe_key_idx" ON "migration_ledger" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "migration_ledger_workspace_status_idx" ON "migration_ledger" USING btree ("workspace_id","status");--> statement-breakpoint
CREATE INDEX "migration_ledger_status_idx" ON "migration_ledger" USING btree ("status");