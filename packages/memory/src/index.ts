/**
 * @automatos/memory: the typed memory API over mem0 (tRPC router, inner context, service, typed client).
 * See README.md for the procedure table, the recall pipeline and the error mapping.
 */

export { adaptiveHttpLinks } from "./client/adaptive-links.js";
export {
  createMemoryClient,
  type MemoryClient,
  type MemoryClientOptions,
} from "./client/create-memory-client.js";
export { requestFetch } from "./client/request-fetch.js";
export {
  DEFAULT_CONFIG,
  type MemoryConfig,
  type MemoryConfigInput,
  type RecallConfig,
  resolveConfig,
} from "./config.js";
export { type CreateInnerContextOptions, createInnerContext, type InnerContext } from "./context.js";
export { type CutoverOptions, createCutover } from "./cutover/create-cutover.js";
export { legacyTurnOf, MIRROR_KEY, mirrorRowId } from "./cutover/mirror-job.js";
export { mirroringWriter } from "./cutover/mirroring-writer.js";
export type {
  Cutover,
  LegacyMirror,
  LegacyOwner,
  LegacyTurn,
  MemoryMode,
  OutboxJob,
  WorkspaceModes,
} from "./cutover/ports.js";
export { cachedWorkspaceModes, dbWorkspaceModes, MODE_CACHE_DEFAULTS } from "./cutover/workspace-modes.js";
export {
  type Mem0Target,
  type MemoryEnv,
  type MemoryStackVars,
  memoryStackProblems,
  readMemoryEnv,
  readReadyUnreachableMs,
} from "./env.js";
export { memoryNotFound, policyError, toTRPCError } from "./errors.js";
export { createLogger, type Logger, silentLogger } from "./logger.js";
export {
  createMem0Reachability,
  DEFAULT_READY_UNREACHABLE_MS,
  type Mem0Reachability,
  type Mem0ReachabilityStatus,
} from "./mem0-reachability.js";
export type { Mem0Port, OutboxPort } from "./ports.js";
export {
  GATE_RULES,
  type GateDecision,
  type GateRules,
  type GateSkipReason,
  gateTurn,
} from "./recall/gate.js";
export { type AppRouter, appRouter, type RouterInputs, type RouterOutputs } from "./root.js";
export { memoryRouter } from "./router.js";
export * from "./schemas/inputs.js";
export { LIMITS } from "./schemas/limits.js";
export * from "./schemas/outputs.js";
export type { ScopeAccess } from "./scope-access.js";
export { createMemoryStack, type MemoryStack, type MemoryStackOptions } from "./stack.js";
export { authedProcedure, createCallerFactory, publicProcedure, router, scopedProcedure } from "./trpc.js";
