/**
 * The caller's filters as SQL conditions on mem0's `memories` table, for the lexical half of hybrid search.
 *
 * They must select exactly the rows mem0's own pgvector filter selects (`payload->>'key' = value`, booleans
 * as JSON text, lists as `= ANY`), or the two halves of one search would see different scopes. Only the plain
 * forms are translated: a filter with operators (`$or`, `{gte: ...}`, `*`) returns null and the search stays
 * dense-only, which is still correctly scoped because mem0 applies those filters itself.
 */

export interface ScopeConditions {
  /** `payload->>'k' = $n` conditions joined by AND; parameters start at `firstParam`. */
  sql: string;
  params: unknown[];
  /** Stable text of the scope, a cache key for its statistics and its vectors. */
  key: string;
  /** The same conditions in JS: true when a payload belongs to the scope (keeps scope-vectors.ts in step). */
  matches(payload: Record<string, unknown>): boolean;
  /**
   * One single-valued condition every matching payload meets: `anchorText(key, jsonText(payload[key]))`
   * equals it (scope-vectors.ts finds the scopes a write can belong to by it). Null when every condition is a
   * list.
   */
  anchor: string | null;
}

/** The anchor a payload's `key` with `->>` text `text` meets (ScopeConditions.anchor). */
export function anchorText(key: string, text: string): string {
  return `${key}\u0000${text}`;
}

const SAFE_KEY = /^[a-zA-Z_]\w*$/;

export function scopeConditions(
  filters: Record<string, unknown> | undefined,
  firstParam: number,
): ScopeConditions | null {
  const entries = Object.entries(filters ?? {}).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return null;
  const conditions: string[] = [];
  const params: unknown[] = [];
  const tests: ((payload: Record<string, unknown>) => boolean)[] = [];
  let anchor: string | null = null;
  for (const [key, value] of entries) {
    if (!SAFE_KEY.test(key)) return null;
    const n = firstParam + params.length;
    if (typeof value === "string" || typeof value === "number") {
      if (value === "*") return null;
      conditions.push(`payload->>'${key}' = $${n}`);
      params.push(String(value));
      tests.push((p) => jsonText(p[key]) === String(value));
      anchor ??= anchorText(key, String(value));
    } else if (typeof value === "boolean") {
      conditions.push(`payload->>'${key}' = $${n}`);
      params.push(JSON.stringify(value));
      tests.push((p) => jsonText(p[key]) === JSON.stringify(value));
      anchor ??= anchorText(key, JSON.stringify(value));
    } else if (Array.isArray(value) && value.every((v) => typeof v === "string" || typeof v === "number")) {
      conditions.push(`payload->>'${key}' = ANY($${n}::text[])`);
      const allowed = new Set(value.map(String));
      params.push([...allowed]);
      tests.push((p) => {
        const text = jsonText(p[key]);
        return text !== undefined && allowed.has(text);
      });
    } else {
      return null;
    }
  }
  return {
    sql: conditions.join(" AND "),
    params,
    key: JSON.stringify(entries),
    matches: (payload) => tests.every((test) => test(payload)),
    anchor,
  };
}

/**
 * What PostgreSQL's `->>` gives for a JSON value: strings unquoted, numbers and booleans as JSON text, null and
 * absent as SQL NULL (matches nothing). An object or array value is treated as no match: its jsonb text could
 * equal a plain filter value only by accident, and jsonb spaces that text differently from JSON.stringify.
 */
export function jsonText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return JSON.stringify(value);
  return undefined;
}
