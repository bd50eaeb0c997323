import { type Mem0Ids, toMem0Ids } from "./mem0-ids.js";
import { err, ok, type Result } from "./result.js";
import { type Scope, scopeSchema } from "./scope.js";

export type FilterValue = string | number | boolean;

export const MAX_FILTER_KEYS = 16;
export const MAX_FILTER_VALUE_LENGTH = 256;
const FILTER_KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/**
 * Keys a client may never filter on, compared after lower-casing and dropping "_" and "-" so that `userId`,
 * `USER-ID` or `session_id` (the platform's name for run_id) are caught too: entity ids come from the
 * principal only, and the logical operators could OR a foreign scope in.
 */
const RESERVED_KEYS = new Set([
  "userid",
  "agentid",
  "runid",
  "actorid",
  "appid",
  "sessionid",
  "orgid",
  "projectid",
  "and",
  "or",
  "not",
]);

function reject(key: string, rule: string): Result<never> {
  const shown = key.length > 64 ? `${key.slice(0, 64)}...` : key;
  return err("INVALID_FILTER", `filter key ${JSON.stringify(shown)} ${rule}`, `filters.${shown}`);
}

function checkEntry(key: string, value: unknown): Result<FilterValue> {
  if (!FILTER_KEY_PATTERN.test(key)) {
    return reject(key, "must start with a letter and hold 1-64 letters, digits, '_' or '-'");
  }
  if (RESERVED_KEYS.has(key.toLowerCase().replace(/[_-]/g, ""))) {
    return reject(key, "is reserved: scope ids and logical operators come from the policy, not the client");
  }
  if (typeof value === "boolean") return ok(value);
  if (typeof value === "number") {
    return Number.isFinite(value) ? ok(value) : reject(key, "must have a finite number value");
  }
  if (typeof value === "string") {
    if (value.trim() === "*") return reject(key, "may not use the '*' wildcard (equality only)");
    if (value.length > MAX_FILTER_VALUE_LENGTH) {
      return reject(key, `must have a value of at most ${MAX_FILTER_VALUE_LENGTH} characters`);
    }
    return ok(value);
  }
  return reject(key, "must have a string, number or boolean value (operators are not allowed)");
}

/**
 * The filters for a mem0 search/list: the scope's mem0 ids, ANDed (mem0's flat-object semantics) with the
 * client's metadata equality conditions. Because every added condition is a plain equality ANDed onto the
 * scope ids, client filters can only narrow the result set, never widen it.
 */
export function composeFilters(scope: Scope, clientFilters?: unknown): Result<Record<string, unknown>> {
  const parsedScope = scopeSchema.safeParse(scope);
  if (!parsedScope.success) return err("INVALID_ID", "scope is invalid", "scope");
  const scopeIds: Mem0Ids = toMem0Ids(parsedScope.data);

  if (clientFilters === undefined || clientFilters === null) return ok({ ...scopeIds });
  if (typeof clientFilters !== "object" || Array.isArray(clientFilters)) {
    return err("INVALID_FILTER", "filters must be an object of metadata key -> value", "filters");
  }
  const entries = Object.entries(clientFilters);
  if (entries.length > MAX_FILTER_KEYS) {
    return err("INVALID_FILTER", `filters may hold at most ${MAX_FILTER_KEYS} keys`, "filters");
  }
  const composed: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    const checked = checkEntry(key, value);
    if (!checked.ok) return checked;
    composed[key] = checked.value;
  }
  // Scope ids last: even if a reserved key slipped past the checks above, the scope would win.
  return ok({ ...composed, ...scopeIds });
}
