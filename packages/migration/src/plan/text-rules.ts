/**
 * Turns that carry no information are not migrated (docs/legacy-store.md §6): greetings and turns under 10
 * characters, judged on what the user said (the legacy gate `should_retrieve_memories` judged the same).
 */
import { createHash } from "node:crypto";

export const MIN_TURN_CHARS = 10;

const GREETINGS = new Set([
  "hi",
  "hello",
  "hey",
  "hi there",
  "hello there",
  "hey there",
  "yo",
  "thanks",
  "thank you",
  "thanks a lot",
  "thank you very much",
  "thx",
  "ty",
  "ok",
  "okay",
  "ok thanks",
  "ok thank you",
  "cool",
  "great",
  "nice",
  "bye",
  "goodbye",
  "good bye",
  "see you",
  "good morning",
  "good afternoon",
  "good evening",
  "good night",
  "yes",
  "no",
  "sure",
  "got it",
  "perfect",
]);

/** Lowercase, Unicode-normalised, whitespace collapsed: the form duplicates and greetings are judged on. */
export function normaliseText(s: string): string {
  return s.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** "Thanks!!", "hi :)" and "👋 hello" count as greetings: punctuation and symbols are ignored. */
export function isGreeting(s: string): boolean {
  const bare = normaliseText(s)
    .replace(/[^\p{L}\p{N}\s]/gu, "")
    .replace(/\s+/g, " ")
    .trim();
  return GREETINGS.has(bare);
}

export function isTooShort(s: string): boolean {
  return normaliseText(s).length < MIN_TURN_CHARS;
}

/**
 * Duplicate detection key: the target mem0 scope plus the normalised text. The same words said by two users
 * are two memories; said twice in one scope they are one.
 */
export function dedupeKey(scopeKey: string, texts: readonly string[]): string {
  const h = createHash("sha256");
  h.update(scopeKey);
  for (const t of texts) h.update(`\u0000${normaliseText(t)}`);
  return h.digest("base64url").slice(0, 32);
}
