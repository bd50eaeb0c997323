/**
 * @automatos/memory/server: the memory router and what serves it. The tRPC setup (one initTRPC, its three
 * procedure layers), the inner context, the schemas, configuration, error mapping and the ports the service
 * depends on. A host that serves the router over HTTP (apps/memory-gateway) imports this; it opens the
 * database and mem0 through `@automatos/memory/stack`.
 */
export {
  DEFAULT_CONFIG,
  type MemoryConfig,
  type MemoryConfigInput,
  type RecallConfig,
  resolveConfig,
} from "./config.js";
export { type CreateInnerContextOptions, createInnerContext, type InnerContext } from "./context.js";
export { legacyTurnOf, MIRROR_KEY, mirrorRowId } from "./cutover/mirror-job.js";
export type {
  Cutover,
  LegacyMirror,
  LegacyOwner,
  LegacyTurn,
  MemoryMode,
  OutboxJob,
  WorkspaceModes,
} from "./cutover/ports.js";
export { memoryNotFound, policyError, toTRPCError } from "./errors.js";
export { createLogger, type Logger, silentLogger } from "./logger.js";
export type { Mem0Port, OutboxPort, OutboxStatsView } from "./ports.js";
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
export {
  adminProcedure,
  authedProcedure,
  createCallerFactory,
  publicProcedure,
  router,
  scopedProcedure,
} from "./trpc.js";
