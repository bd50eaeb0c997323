import { type Mem0Ids, type StoredMem0Ids, scopeFromMem0Ids, toMem0Ids } from "./mem0-ids.js";
import { type Principal, parsePrincipal } from "./principal.js";
import { resolveScopes } from "./resolve.js";
import { notFound, ok, type Result } from "./result.js";
import type { AccessMode, Scope } from "./scope.js";

function sameIds(a: Mem0Ids, b: Mem0Ids): boolean {
  return a.user_id === b.user_id && a.agent_id === b.agent_id && a.run_id === b.run_id;
}

/**
 * Object-level check before any by-id operation (mem0's get/update/delete/history are unscoped): the stored
 * memory's EXACT id tuple must be one of the scopes the principal may use in `mode`.
 *
 * Every refusal - another tenant's memory, another scope of the same tenant (a chatbot touching an
 * agent-user memory), malformed or missing stored ids - is the same MEMORY_NOT_FOUND, so the answer never
 * reveals that a memory exists elsewhere. Only an invalid principal (the caller's own bug) says otherwise.
 */
export function checkOwnership(principal: Principal, ids: StoredMem0Ids, mode: AccessMode): Result<Scope> {
  const parsed = parsePrincipal(principal);
  if (!parsed.ok) return parsed;
  const stored = scopeFromMem0Ids(ids);
  if (!stored.ok) return notFound();
  // Compare in mem0-id space: both sides are canonical there, so equal ids mean the same tenant and scope.
  const storedIds = toMem0Ids(stored.value);
  const allowed = resolveScopes(parsed.value)[mode];
  return allowed.some((scope) => sameIds(toMem0Ids(scope), storedIds)) ? ok(stored.value) : notFound();
}
