/**
 * Token counting for the recall budget, with gpt-tokenizer's o200k_base encoding (the GPT-4o / GPT-5 family).
 * Other model families tokenise differently, but within a few percent for English prose; the budget is a
 * guard against flooding the prompt, not an exact accounting.
 *
 * Special-token text such as "<|endoftext|>" must count as plain text: gpt-tokenizer throws on it by default,
 * and memory text is untrusted.
 *
 * Counts are remembered per text: a user's memories come back turn after turn, and byte-pair merging was the
 * largest single piece of recall's own CPU in a profile of the gateway (P1-gateway-cpu in docs/targets.md). The
 * memo is bounded by entries and by text length, and starts afresh when full (no LRU bookkeeping per call).
 */
import { countTokens as count } from "gpt-tokenizer/encoding/o200k_base";

const PLAIN_TEXT = { disallowedSpecial: new Set<string>() };

/** About 4k lines of a few hundred characters: a few megabytes at most. */
export const TOKEN_MEMO_ENTRIES = 4_096;
/** Longer texts are counted every time: rare, and they would crowd the memo. */
export const TOKEN_MEMO_MAX_CHARS = 2_048;

const memo = new Map<string, number>();

export function countTokens(text: string): number {
  if (text.length > TOKEN_MEMO_MAX_CHARS) return count(text, PLAIN_TEXT);
  const known = memo.get(text);
  if (known !== undefined) return known;
  const n = count(text, PLAIN_TEXT);
  if (memo.size >= TOKEN_MEMO_ENTRIES) memo.clear();
  memo.set(text, n);
  return n;
}
