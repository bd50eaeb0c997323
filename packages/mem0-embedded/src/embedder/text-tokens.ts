/// <reference path="../types/stopword.d.ts" />
import { stemmer } from "stemmer";
import { eng } from "stopword";

/**
 * Text normalisation of the local embedder (and of bench/relevance's dataset validator, so "shares a word"
 * means the same thing there as here): accent-folded lower-case words, stop words, Porter stems.
 */

// stopword's English list (108 words) plus pronouns, auxiliaries and contraction stumps it lacks
// ("don't" -> "don", "I'm" -> "i").
const EXTRA_STOP_WORDS = [
  "she",
  "hers",
  "herself",
  "its",
  "itself",
  "ours",
  "ourselves",
  "yours",
  "yourself",
  "theirs",
  "myself",
  "does",
  "doing",
  "done",
  "am",
  "isn",
  "aren",
  "wasn",
  "weren",
  "don",
  "doesn",
  "didn",
  "won",
  "wouldn",
  "couldn",
  "shouldn",
  "haven",
  "hasn",
  "hadn",
  "can",
  "cannot",
  "just",
  "so",
  "not",
  "no",
  "yes",
  "oh",
  "ok",
  "okay",
  "again",
  "ever",
  "us",
  "let",
  "lets",
  "also",
  "really",
  "bit",
  "lot",
  "anything",
  "something",
  "everything",
  "nothing",
  "one",
  "ones",
  "there",
  "here",
  "when",
  "why",
  "whom",
  "whose",
  "will",
  "shall",
  "may",
  "until",
  "without",
  "within",
  "per",
  "going",
  "gonna",
  "got",
  "get",
  "gets",
  "thing",
  "things",
  "then",
  "than",
  "s",
  "t",
  "m",
  "d",
  "ll",
  "re",
  "ve",
];

export const STOP_WORDS: ReadonlySet<string> = new Set([...eng, ...EXTRA_STOP_WORDS]);

/** Lower-cased ASCII words; accents folded, possessive and contraction suffixes dropped ("Sam's" -> "sam"). */
export function words(text: string): string[] {
  const folded = text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[’']/g, "'")
    .replace(/'(s|m|re|ve|ll|d|t)\b/g, " ");
  return folded.match(/[a-z0-9]+/g) ?? [];
}

/** Porter stem (the `stemmer` package, Porter 1980). */
export function stem(word: string): string {
  return stemmer(word);
}

/** Stemmed words with stop words removed: the units that "share a word" is measured in. */
export function contentStems(text: string): string[] {
  return words(text)
    .filter((w) => !STOP_WORDS.has(w))
    .map(stem);
}
