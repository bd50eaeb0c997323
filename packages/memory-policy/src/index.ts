/**
 * @automatos/memory-policy: who may read and write which memory, and under which mem0 ids.
 * Pure (zod only): no tRPC, no I/O. Every decision is a Result value.
 */

export {
  ACCESS_MATRIX,
  type Access,
  canForget,
  FORGET_CAPABILITIES,
  type ForgetTargetKind,
  isAllowed,
} from "./access-matrix.js";
export { composeFilters, type FilterValue, MAX_FILTER_KEYS, MAX_FILTER_VALUE_LENGTH } from "./filters.js";
export { type ForgetPlan, type ForgetTarget, forgetTargetSchema, planForget } from "./forget.js";
export {
  type Mem0IdKind,
  type Mem0Ids,
  mem0IdInWorkspace,
  type ParsedMem0Id,
  parseMem0Id,
  type StoredMem0Ids,
  scopeFromMem0Ids,
  toMem0Ids,
  workspaceMem0IdPrefix,
} from "./mem0-ids.js";
export { checkOwnership } from "./ownership.js";
export { APP_NAMES, type AppName, type Principal, parsePrincipal, principalSchema } from "./principal.js";
export {
  canonicalRawId,
  isCanonicalRawId,
  parseRawId,
  RAW_ID_PATTERN,
  RAW_ID_RULE,
  rawIdSchema,
} from "./raw-id.js";
export { type ResolvedScopes, resolveScope, resolveScopes } from "./resolve.js";
export { MEMORY_NOT_FOUND, type PolicyError, type PolicyErrorCode, type Result } from "./result.js";
export { type AccessMode, SCOPE_KINDS, type Scope, type ScopeKind, scopeSchema } from "./scope.js";
