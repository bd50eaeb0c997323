import { sql } from "drizzle-orm";
import { check, pgTable, text } from "drizzle-orm/pg-core";
import { updatedAt } from "./util/timestamps.js";

export const MEMORY_MODES = ["legacy", "dual", "mem0"] as const;
export type MemoryMode = (typeof MEMORY_MODES)[number];

/**
 * The per-workspace cutover switch from the legacy memory store to mem0 (docs/architecture.md section 7):
 * `legacy` (legacy store only), `dual` (writes go to both), `mem0` (mem0 only).
 *
 * Invariants:
 * - One row per workspace; a workspace without a row is in `legacy` mode (the safe default before migration).
 * - `updated_by` names who flipped the switch (operator or migration run), for the audit trail.
 */
export const workspaceMemoryMode = pgTable(
  "workspace_memory_mode",
  {
    workspaceId: text("workspace_id").primaryKey(),
    mode: text("mode", { enum: MEMORY_MODES }).notNull().default("legacy"),
    updatedAt,
    updatedBy: text("updated_by").notNull(),
  },
  (t) => [check("workspace_memory_mode_mode_check", sql`${t.mode} in ('legacy', 'dual', 'mem0')`)],
);
