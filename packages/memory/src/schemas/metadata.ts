/**
 * Client metadata stored with a memory: JSON only, bounded in size, key count and depth, and kept away from
 * the keys mem0 owns. mem0 stores metadata flat next to its own payload fields (data, hash, createdAt, the
 * entity ids), so a client key of that name would be stripped or shadowed silently; it is refused instead.
 */
import { z } from "zod";
import { LIMITS } from "./limits.js";
import { isStorableText, STORABLE_TEXT, STORABLE_TEXT_RULE } from "./text.js";

const KEY = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/**
 * Keys that reach an object's prototype when assigned (`o["__proto__"] = v` replaces the prototype). JSON
 * keeps "__proto__" as an own key, but any copy by assignment (zod's record, superjson's copy) drops it
 * silently or swaps the copy's prototype; they are refused by name, on the value as received.
 */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);
const PROTOTYPE_KEY_RULE = "is a JavaScript prototype key (__proto__, constructor, prototype): refused";

/** Compared after lower-casing and dropping "_" and "-" (so userId, USER-ID and user_id are all caught). */
const RESERVED = new Set(
  [
    "user_id",
    "agent_id",
    "run_id",
    "actor_id",
    "app_id",
    "session_id",
    "org_id",
    "project_id",
    "data",
    "memory",
    "hash",
    "id",
    "score",
    "text_lemmatized",
    "created_at",
    "updated_at",
    "expiration_date",
    "event",
    "role",
    "attributed_to",
    "linked_memory_ids",
    "proto",
    "constructor",
    "prototype",
    "and",
    "or",
    "not",
  ].map((k) => k.replace(/[_-]/g, "")),
);

export function isReservedMetadataKey(key: string): boolean {
  return RESERVED.has(key.toLowerCase().replace(/[_-]/g, ""));
}

type Issue = { code: "custom"; message: string; path: PropertyKey[] };

const issue = (path: PropertyKey[], message: string): Issue => ({ code: "custom", message, path });

/** The first problem in `value` (depth-first), or null. Bounded: depth, keys and array items are capped. */
function firstIssue(
  value: unknown,
  path: PropertyKey[],
  depth: number,
  counter: { keys: number },
): Issue | null {
  const m = LIMITS.metadata;
  if (value === null || typeof value === "boolean") return null;
  if (typeof value === "number")
    return Number.isFinite(value) ? null : issue(path, "must be a finite number");
  if (typeof value === "string") {
    if (value.length > m.stringChars) return issue(path, `must be at most ${m.stringChars} characters`);
    return isStorableText(value) ? null : issue(path, STORABLE_TEXT_RULE);
  }
  if (depth >= m.maxDepth) return issue(path, `nests deeper than ${m.maxDepth} levels`);
  if (Array.isArray(value)) {
    if (value.length > m.arrayItems) return issue(path, `must have at most ${m.arrayItems} items`);
    for (const [i, v] of value.entries()) {
      const found = firstIssue(v, [...path, i], depth + 1, counter);
      if (found) return found;
    }
    return null;
  }
  if (typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype) {
    return issue(path, "must be JSON: string, finite number, boolean, null, array or plain object");
  }
  for (const [k, v] of Object.entries(value)) {
    counter.keys++;
    if (counter.keys > m.maxKeys) return issue(path, `has more than ${m.maxKeys} keys in total`);
    if (PROTOTYPE_KEYS.has(k)) return issue([...path, k], PROTOTYPE_KEY_RULE);
    if (!KEY.test(k)) {
      return issue(
        [...path, k.slice(0, 64)],
        "keys must start with a letter and hold 1-64 letters, digits, '_' or '-'",
      );
    }
    if (isReservedMetadataKey(k)) return issue([...path, k], "is reserved for mem0 or the scope policy");
    const found = firstIssue(v, [...path, k], depth + 1, counter);
    if (found) return found;
  }
  return null;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Checks run on the value as received, before the record schema copies it (a copy would lose an own
 * "__proto__" key); `z.custom(() => true)` only carries the input type. The record schema after the pipe
 * gives the usual error for a non-object and is not reached when a check failed.
 */
const onReceivedValue = <T>(check: (value: Record<string, unknown>, ctx: z.RefinementCtx) => void) =>
  z
    .custom<T>(() => true)
    .superRefine((value, ctx) => {
      if (isRecord(value)) check(value, ctx);
    });

export const metadataSchema = onReceivedValue<Record<string, unknown>>((value, ctx) => {
  const found = firstIssue(value, [], 0, { keys: 0 });
  if (found) {
    ctx.addIssue(found);
    // Only a walked (bounded) value is serialised: a hostile deep object never reaches JSON.stringify.
    return;
  }
  const bytes = Buffer.byteLength(JSON.stringify(value) ?? "", "utf8");
  if (bytes > LIMITS.metadata.maxBytes) {
    ctx.addIssue(issue([], `must serialise to at most ${LIMITS.metadata.maxBytes} bytes`));
  }
}).pipe(z.record(z.string(), z.unknown()));
/** Metadata equality filters (narrowing only; the policy's composeFilters checks keys and reserved names). */
export const filtersSchema = onReceivedValue<Record<string, string | number | boolean>>((value, ctx) => {
  const key = Object.keys(value).find((k) => PROTOTYPE_KEYS.has(k));
  if (key !== undefined) ctx.addIssue(issue([key], PROTOTYPE_KEY_RULE));
}).pipe(
  z
    .record(
      z.string().max(64),
      z.union([
        z
          .string()
          .max(LIMITS.filters.valueChars)
          .refine(...STORABLE_TEXT),
        z.number(),
        z.boolean(),
      ]),
    )
    .refine((f) => Object.keys(f).length <= LIMITS.filters.maxKeys, {
      message: `at most ${LIMITS.filters.maxKeys} keys`,
    }),
);
