/**
 * Token counting for the recall budget, with gpt-tokenizer's o200k_base encoding (the GPT-4o / GPT-5 family).
 * Other model families tokenise differently, but within a few percent for English prose; the budget is a
 * guard against flooding the prompt, not an exact accounting.
 *
 * Special-token text such as "<|endoftext|>" must count as plain text: gpt-tokenizer throws on it by default,
 * and memory text is untrusted.
 */
import { countTokens as count } from "gpt-tokenizer/encoding/o200k_base";

const PLAIN_TEXT = { disallowedSpecial: new Set<string>() };

export function countTokens(text: string): number {
  return count(text, PLAIN_TEXT);
}
