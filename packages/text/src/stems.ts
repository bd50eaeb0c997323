import { stemmer } from "stemmer";
import { STOP_WORDS } from "./stop-words.js";
import { words } from "./words.js";

/** Words are few and come back all the time; the memo starts afresh when full (no bookkeeping per call). */
const STEM_MEMO_ENTRIES = 16_384;
const stemMemo = new Map<string, string>();

/** Porter stem (the `stemmer` package, Porter 1980): "allergies" -> "allergi", "working" -> "work". */
export function stem(word: string): string {
  const known = stemMemo.get(word);
  if (known !== undefined) return known;
  const stemmed = stemmer(word);
  if (stemMemo.size >= STEM_MEMO_ENTRIES) stemMemo.clear();
  stemMemo.set(word, stemmed);
  return stemmed;
}

/** The stems of a text's content words, stop words removed, in order and with repeats (term frequency). */
export function contentStems(text: string): string[] {
  return words(text)
    .filter((w) => !STOP_WORDS.has(w))
    .map(stem);
}

/** Shorter stems than this only match exactly (so "car" does not match "care"). */
export const MIN_PREFIX_STEM = 4;

/**
 * Two stems name the same content word when equal or when the shorter, of at least MIN_PREFIX_STEM letters,
 * starts the longer: Porter leaves "allergies"/"allergic" as "allergi"/"allerg", "vegetarian"/"vegetarianism"
 * as "vegetarian"/"vegetarian".
 */
export function stemsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  // No [short, long] pair: this runs for every query stem against every memory stem of every candidate.
  return a.length <= b.length
    ? a.length >= MIN_PREFIX_STEM && b.startsWith(a)
    : b.length >= MIN_PREFIX_STEM && a.startsWith(b);
}

/** True when some of the stems matches some of the others (stemsMatch). */
export function sharesStem(a: readonly string[], b: readonly string[]): boolean {
  return a.some((x) => b.some((y) => stemsMatch(x, y)));
}
