/**
 * Whether a search's scope is known to hold no memories, so the search route can answer [] at once: a new
 * user's first turn, an agent that never stored anything. Without it such a search still runs the query
 * through the model (~1.5-3 ms of a core) and mem0's whole pipeline for an answer that can only be empty.
 *
 * Known only where the full search would read the same rows: the filters are plain equalities that
 * scope-conditions.ts translates (an operator, `*` or an odd key: not known), every entity id is already what
 * mem0's own normalisation makes of it (trimmed, no whitespace: mem0 trims ` u1 ` to `u1` and refuses `a b`),
 * and the scope is held in the vector cache (scope-vectors.ts), which the store's own search of a cached
 * scope reads alone and which is kept in step with every write. A scope too large for the cache is not
 * empty anyway. Anything else: not known, and the search runs as before.
 */
import { scopeConditions } from "./scope-conditions.js";
import type { ScopeVectors } from "./scope-vectors.js";

const ENTITY_IDS = ["user_id", "agent_id", "run_id"] as const;

export async function isKnownEmptyScope(
  vectors: ScopeVectors | undefined,
  filters: Record<string, unknown>,
): Promise<boolean> {
  if (!vectors || !ENTITY_IDS.every((key) => asMem0Reads(filters[key]))) return false;
  const scope = scopeConditions(filters, 1);
  if (!scope) return false;
  const cached = await vectors.cachedScope(scope);
  return cached !== null && cached.matrix.size === 0 && cached.payloads.size === 0;
}

/** Absent, or a string or number mem0's validateAndTrimEntityId would keep exactly as it is. */
function asMem0Reads(id: unknown): boolean {
  if (id === undefined || id === null) return true;
  if (typeof id !== "string" && typeof id !== "number") return false;
  const text = String(id);
  return text !== "" && !/\s/.test(text);
}
