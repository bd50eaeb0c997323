// Every table of @automatos/db, one file each. Add new tables here (and only here) so drizzle-kit and
// createDb() both see them.

export { migrationCheckpoint } from "./migration-checkpoint.js";
export { migrationLedger } from "./migration-ledger.js";
export { migrationVerification } from "./migration-verification.js";
export { outbox } from "./outbox.js";
export { outboxTally } from "./outbox-tally.js";
export { workspaceMemoryMode } from "./workspace-memory-mode.js";
