/**
 * Canonical JSON: object keys sorted at every level, no whitespace. RealMemBench memories are a string or an
 * object; an object is compared (evidence vs. extracted memory) and stored as this text. Hand-written
 * because it is ten lines and the package has no JSON library (safe-stable-stringify would do the same).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** A memory's text: the string itself, or the canonical JSON of an object. */
export const memoryText = (content: unknown): string =>
  typeof content === "string" ? content : canonicalJson(content);
