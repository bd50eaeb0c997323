export {
  type CreateDbOptions,
  createDb,
  type Database,
  type Db,
  type DbKind,
  DEFAULT_DATA_DIR,
  type Schema,
} from "./create-db.js";
export { type DbEnv, loadDbEnv } from "./env.js";
export { MIGRATIONS_FOLDER } from "./migrate.js";
export * from "./outbox/index.js";
export * as schema from "./schema/index.js";
export { OUTBOX_STATUSES } from "./schema/outbox.js";
export type * from "./schema/types.js";
export { MEMORY_MODES, type MemoryMode } from "./schema/workspace-memory-mode.js";
