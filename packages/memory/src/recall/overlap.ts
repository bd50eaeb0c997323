/// <reference path="../types/stopword.d.ts" />
/**
 * Lexical evidence for the relevance floor: does a memory share a content word with the query?
 *
 * A search score cannot tell "weakly similar" from "related" at the low end: an unrelated question
 * ("weather on Mars?") can score about as high as a real but weak match ("allergies?" vs "allergic to
 * peanuts"). Sharing a content word (stop words removed, Porter-stemmed, stems matching when one is a prefix
 * of the other: "allergies"/"allergic") separates the two. Strong scores need no lexical evidence, so a
 * sentence model's paraphrase matches still pass.
 */
import { stemmer } from "stemmer";
import { eng } from "stopword";
import { words } from "./words.js";

/** stopword's English list plus chat filler it lacks ("tell me what you remember about ..."). */
const EXTRA_STOP_WORDS = [
  "am",
  "does",
  "doing",
  "done",
  "don",
  "doesn",
  "didn",
  "isn",
  "aren",
  "wasn",
  "weren",
  "won",
  "s",
  "t",
  "m",
  "re",
  "ve",
  "ll",
  "d",
  "just",
  "so",
  "not",
  "no",
  "yes",
  "ok",
  "okay",
  "please",
  "tell",
  "know",
  "remember",
  "remind",
  "recall",
  "think",
  "say",
  "says",
  "want",
  "need",
  "when",
  "why",
  "whom",
  "whose",
  "anything",
  "something",
  "everything",
  "thing",
  "things",
  "again",
  "ever",
  "us",
  "she",
  "its",
  "mine",
  "yours",
  "myself",
  "yourself",
];

const STOP = new Set([...eng, ...EXTRA_STOP_WORDS]);

/** Shorter stems than this only match exactly (so "car" does not match "care"). */
const MIN_PREFIX_STEM = 4;

export function contentStems(text: string): string[] {
  return [
    ...new Set(
      words(text)
        .filter((w) => !STOP.has(w))
        .map((w) => stemmer(w)),
    ),
  ];
}

export function stemsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= MIN_PREFIX_STEM && long.startsWith(short);
}

/** True when some content stem of the memory matches some content stem of the query. */
export function sharesContent(queryStems: readonly string[], memoryText: string): boolean {
  if (queryStems.length === 0) return false;
  const memoryStems = contentStems(memoryText);
  return memoryStems.some((m) => queryStems.some((q) => stemsMatch(q, m)));
}
