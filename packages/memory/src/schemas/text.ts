/**
 * Text that mem0 can store. mem0 keeps text in PostgreSQL (jsonb payloads, text columns), which refuses a NUL
 * character and an unpaired UTF-16 surrogate; such input reached the embedded mem0 as a 502, and enough of
 * them in a row OPEN THE CIRCUIT BREAKER for every tenant. So every string that can reach mem0 (message
 * content, queries, memory text, metadata values, filter values) is checked here and refused with a 400
 * naming the field. NUL found by the R4 fuzzer; unpaired surrogates by following it up.
 */

// A high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const STORABLE_TEXT_RULE = "must be well-formed Unicode without NUL (\\u0000) characters";

export function isStorableText(s: string): boolean {
  return !s.includes("\u0000") && !LONE_SURROGATE.test(s);
}

/** For `.refine(...STORABLE_TEXT)` on a zod string. */
export const STORABLE_TEXT = [isStorableText, STORABLE_TEXT_RULE] as const;
