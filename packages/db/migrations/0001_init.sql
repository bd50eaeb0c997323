CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"user_id" text,
	"agent_id" text,
	"run_id" text,
	"payload" jsonb NOT NULL,
	"payload_hash" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"claimed_by" text,
	"claimed_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	"mem0_result" jsonb,
	CONSTRAINT "outbox_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "outbox_status_check" CHECK ("outbox"."status" in ('pending', 'in_flight', 'delivered', 'dead')),
	CONSTRAINT "outbox_entity_check" CHECK ("outbox"."user_id" is not null or "outbox"."agent_id" is not null or "outbox"."run_id" is not null),
	CONSTRAINT "outbox_attempts_check" CHECK ("outbox"."attempts" >= 0 and "outbox"."failures" >= 0)
);
--> statement-breakpoint
CREATE TABLE "workspace_memory_mode" (
	"workspace_id" text PRIMARY KEY NOT NULL,
	"mode" text DEFAULT 'legacy' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	CONSTRAINT "workspace_memory_mode_mode_check" CHECK ("workspace_memory_mode"."mode" in ('legacy', 'dual', 'mem0'))
);
--> statement-breakpoint
CREATE INDEX "outbox_status_next_attempt_idx" ON "outbox" USING btree ("status","next_attempt_at");