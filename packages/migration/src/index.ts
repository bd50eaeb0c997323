/**
 * @automatos/memory-migration: legacy memory_items -> mem0 backfill, verification and per-workspace cutover.
 * The CLI is `pnpm migrate:legacy` (src/cli/main.ts); everything it does is available here as functions.
 */

export {
  createLegacyMirror,
  type LegacyMirrorWriter,
  type MirrorOwner,
  type MirrorTurn,
  mirrorContent,
} from "./cutover/legacy-mirror.js";
export {
  CutoverRefusedError,
  getWorkspaceMode,
  type SetModeResult,
  setWorkspaceMode,
} from "./cutover/workspace-mode.js";
export { type LegacyTurn, legacyContentOf, writeLegacyRow } from "./cutover/write-legacy-row.js";
export { type MigrationEnv, readMigrationEnv } from "./env.js";
export { type Checkpoint, listCheckpoints, readCheckpoint } from "./ledger/checkpoint-store.js";
export { type LegacyConnection, type LegacyDb, type LegacyDrizzle, openLegacyDb } from "./legacy/connect.js";
export type { KeysetPosition, LegacyRow } from "./legacy/legacy-row.js";
export * as legacySchema from "./legacy/schema.js";
export type { Mem0Port } from "./mem0/mem0-port.js";
export { type ClassifyOptions, classifyRow, type Decision, type SkipReason } from "./plan/classify-row.js";
export { type ParsedContent, parseContent } from "./plan/parse-content.js";
export { type QuarantineReason, type Resolution, resolveOwner } from "./plan/resolve-owner.js";
export { type LedgerTotals, ledgerTotals } from "./run/ledger-report.js";
export {
  checkpointName,
  DEFAULTS as MIGRATION_DEFAULTS,
  type MigrationDeps,
  type MigrationOptions,
  type Progress,
  type RunMode,
  type RunSummary,
  runMigration,
} from "./run/migrate.js";
export type { WorkspaceCounts } from "./run/run-counters.js";
export {
  type ShadowQuery,
  VERIFY_DEFAULTS,
  type VerifyOptions,
  verifyMigration,
  type WorkspaceVerdict,
} from "./verify/verify.js";
