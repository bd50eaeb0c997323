/**
 * @automatos/memory/stack: the server side, opened. The ONLY part of the package that imports the database
 * (`@automatos/db`), the embedded mem0 engine (`@automatos/mem0-embedded`) and the legacy store
 * (`@automatos/memory-migration`); the environment it reads and mem0's reachability for readiness.
 */

export {
  type Mem0Target,
  type MemoryEnv,
  type MemoryStackVars,
  memoryStackProblems,
  OUTBOX_RETENTION_HOURS,
  readMemoryEnv,
  readReadyUnreachableMs,
} from "../env.js";
export {
  createMem0Reachability,
  DEFAULT_READY_UNREACHABLE_MS,
  type Mem0Reachability,
  type Mem0ReachabilityStatus,
} from "../mem0-reachability.js";
export {
  createMemoryStack,
  type LegacyStoreOptions,
  type MemoryStack,
  type MemoryStackOptions,
} from "./create-memory-stack.js";
export { type CutoverOptions, createCutover } from "./cutover/create-cutover.js";
export { mirroringWriter } from "./cutover/mirroring-writer.js";
export { cachedWorkspaceModes, dbWorkspaceModes, MODE_CACHE_DEFAULTS } from "./cutover/workspace-modes.js";
