import { stemmer } from "stemmer";
import { STOP_WORDS } from "./stop-words.js";
import { words } from "./words.js";

/** Porter stem (the `stemmer` package, Porter 1980): "allergies" -> "allergi", "working" -> "work". */
export function stem(word: string): string {
  return stemmer(word);
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
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= MIN_PREFIX_STEM && long.startsWith(short);
}

/** True when some of the stems matches some of the others (stemsMatch). */
export function sharesStem(a: readonly string[], b: readonly string[]): boolean {
  return a.some((x) => b.some((y) => stemsMatch(x, y)));
}
