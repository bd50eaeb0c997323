/**
 * Step 1 of recall: decide whether a turn is worth a mem0 search at all.
 *
 * The legacy system searched on every turn, so "ok" or "thanks" pulled in the ten newest memories and the model
 * "said things randomly". The rule is data (GATE_RULES) so it can be read, reviewed and tested as a table.
 */
import { words } from "@automatos/text";

export type GateSkipReason = "empty" | "no-content" | "too-short" | "acknowledgement" | "greeting";

export type GateDecision = { recall: true } | { recall: false; reason: GateSkipReason };

export interface GateRules {
  /** Fewer letters/digits than this (after normalisation) -> "too-short". */
  minContentChars: number;
  /** Whole-turn phrases and single words that only acknowledge. */
  acknowledgements: readonly string[];
  /** Whole-turn phrases and single words that only greet or take leave. */
  greetings: readonly string[];
  /** Filler words that may accompany the above without adding content ("ok thanks a lot", "hi there"). */
  fillers: readonly string[];
}

export const GATE_RULES: GateRules = {
  minContentChars: 3,
  acknowledgements: [
    "ok",
    "okay",
    "okey",
    "okie",
    "k",
    "kk",
    "thanks",
    "thank",
    "thx",
    "ty",
    "tysm",
    "cheers",
    "cool",
    "great",
    "nice",
    "good",
    "fine",
    "awesome",
    "perfect",
    "sure",
    "yes",
    "yeah",
    "yep",
    "yup",
    "no",
    "nope",
    "nah",
    "alright",
    "right",
    "got",
    "gotcha",
    "understood",
    "noted",
    "lol",
    "haha",
    "hahaha",
    "hmm",
    "hm",
    "wow",
    "np",
    "welcome",
    "done",
    "agreed",
    "exactly",
    "indeed",
    "true",
    "sounds",
    "appreciated",
    "appreciate",
    "it",
    "that",
    "this",
    "makes",
    "sense",
    "will",
    "do",
    "go",
    "on",
    "continue",
    "please",
    "pls",
    "plz",
  ],
  greetings: [
    "hi",
    "hello",
    "hey",
    "heya",
    "hiya",
    "yo",
    "howdy",
    "morning",
    "evening",
    "afternoon",
    "night",
    "bye",
    "goodbye",
    "later",
    "cya",
    "gm",
    "gn",
    "greetings",
    "hallo",
    "bonjour",
    "hola",
    "ciao",
    "salut",
    "see",
    "soon",
    "care",
    "take",
  ],
  fillers: [
    "you",
    "ya",
    "u",
    "a",
    "lot",
    "so",
    "much",
    "very",
    "there",
    "all",
    "again",
    "and",
    "for",
    "the",
    "too",
    "then",
    "now",
    "good",
    "man",
    "mate",
    "buddy",
    "friend",
    "everyone",
  ],
};

/**
 * Decides whether to recall for `text` (the user's turn).
 * Order matters: a question that uses only trivial words ("ok?") is still trivial, but any word outside the
 * trivial vocabulary ("ok, and my flight?") makes the turn worth a search.
 */
export function gateTurn(text: string, rules: GateRules = GATE_RULES): GateDecision {
  if (text.trim().length === 0) return { recall: false, reason: "empty" };
  const tokens = words(text);
  if (tokens.length === 0) return { recall: false, reason: "no-content" };
  const greetings = new Set(rules.greetings);
  const acks = new Set(rules.acknowledgements);
  const fillers = new Set(rules.fillers);
  const onlyTrivial = tokens.every((t) => greetings.has(t) || acks.has(t) || fillers.has(t));
  if (onlyTrivial) {
    // A greeting wins the label when one is present ("hi, thanks"): the reason is for humans reading logs.
    return { recall: false, reason: tokens.some((t) => greetings.has(t)) ? "greeting" : "acknowledgement" };
  }
  const contentChars = tokens.reduce((n, t) => n + [...t].length, 0);
  if (contentChars < rules.minContentChars) return { recall: false, reason: "too-short" };
  return { recall: true };
}
