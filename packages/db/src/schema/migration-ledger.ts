import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { timestamps } from "./util/timestamps.js";

export const LEDGER_STATUSES = ["in_flight", "done", "failed", "skipped", "quarantined"] as const;
export type LedgerStatus = (typeof LEDGER_STATUSES)[number];

/**
 * The legacy -> mem0 migration ledger (@automatos/memory-migration): one row per legacy row the migration
 * has decided about. It makes the backfill idempotent (a row already `done`, `skipped` or `quarantined` is
 * never sent again) and crash-safe (a row is marked `in_flight` BEFORE its mem0 add, so a resume knows to
 * look it up in mem0 by `legacy_id` instead of sending it twice).
 *
 * Lifecycle: in_flight -> done | failed; failed -> in_flight (retried on resume); skipped / quarantined are
 * final until a run re-plans them (the rules changed).
 *
 * Invariants:
 * - (legacy_table, legacy_id) is the key: one decision per legacy row.
 * - `user_id` / `agent_id` / `run_id` are the target scope's mem0 ids (set for in_flight/done/failed).
 * - `mem0_memory_ids` lists what mem0 created for the row (done); [] when extraction produced nothing.
 * - `dedupe_key` (scope + normalised text hash) is set on rows that claimed their text; a later row with the
 *   same key is `skipped` with reason `duplicate` and `duplicate_of` naming the holder.
 * - `attempts` counts mem0 adds tried for the row.
 */
export const migrationLedger = pgTable(
  "migration_ledger",
  {
    legacyTable: text("legacy_table").notNull(),
    legacyId: text("legacy_id").notNull(),
    // The resolved workspace (NULL for quarantined rows that have none).
    workspaceId: text("workspace_id"),
    status: text("status", { enum: LEDGER_STATUSES }).notNull(),
    // Skip or quarantine reason (e.g. greeting, duplicate, invalid_json, no_owner).
    reason: text("reason"),
    userId: text("user_id"),
    agentId: text("agent_id"),
    runId: text("run_id"),
    mem0MemoryIds: jsonb("mem0_memory_ids").$type<string[]>(),
    // Platform dialect: the add's event id while mem0 processes it asynchronously.
    mem0EventId: text("mem0_event_id"),
    dedupeKey: text("dedupe_key"),
    duplicateOf: text("duplicate_of"),
    attempts: integer("attempts").notNull().default(0),
    errorKind: text("error_kind"),
    error: text("error"),
    ...timestamps,
  },
  (t) => [
    primaryKey({ name: "migration_ledger_pk", columns: [t.legacyTable, t.legacyId] }),
    // Partial indexes: every legacy row writes a ledger row, so each index is paid a million times on a
    // million-row backfill. Dedupe keys exist only on rows sent to mem0; retryable rows are few.
    index("migration_ledger_dedupe_key_idx").on(t.dedupeKey).where(sql`${t.dedupeKey} is not null`),
    index("migration_ledger_retryable_idx").on(t.legacyId).where(sql`${t.status} in ('failed', 'in_flight')`),
    check(
      "migration_ledger_status_check",
      sql`${t.status} in ('in_flight', 'done', 'failed', 'skipped', 'quarantined')`,
    ),
  ],
);
