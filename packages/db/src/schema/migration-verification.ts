import { boolean, doublePrecision, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The latest verification verdict per workspace (@automatos/memory-migration `--verify`): legacy rows that
 * should be in mem0 vs rows found in mem0 by `legacy_id`, and the shadow-search overlap. Switching a
 * workspace to `mem0` mode is refused unless its row says `passed`.
 *
 * Invariants:
 * - One row per workspace, replaced by each verification.
 * - `passed` = no eligible row missing from mem0, no duplicates, and the overlap at or above the bar
 *   (`report` holds the figures, the sample queries and the bar used).
 */
export const migrationVerification = pgTable("migration_verification", {
  workspaceId: text("workspace_id").primaryKey(),
  passed: boolean("passed").notNull(),
  eligible: integer("eligible").notNull(),
  present: integer("present").notNull(),
  missing: integer("missing").notNull(),
  duplicates: integer("duplicates").notNull(),
  // Mean top-k overlap by legacy_id between the legacy-side and the mem0 search; NULL without sample queries.
  overlap: doublePrecision("overlap"),
  report: jsonb("report").$type<Record<string, unknown>>().notNull(),
  verifiedAt: timestamp("verified_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});
