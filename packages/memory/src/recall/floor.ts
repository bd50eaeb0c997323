/**
 * Step 3 of recall: the relevance floor.
 *
 * A search score is fused and normalised per query, so one absolute cut-off is only part of a rule: an
 * unrelated question still has a "best" hit. A memory is kept when ALL of these hold:
 * - `minScore`: its fused score reaches the absolute floor (below it, noise whatever else matched);
 * - `relativeToBest`: it scores at least that fraction of the best hit (drops the long tail once something
 *   clearly matches);
 * - either its score reaches `strongScore`, or it shares a content word with the query (stop words removed,
 *   Porter stems matching when one is a prefix of the other: "allergies"/"allergic"; @automatos/text).
 *   A score alone cannot tell "weakly similar" from "related" at the low end: an unrelated question ("weather
 *   on Mars?") can score about as high as a real but weak match ("allergies?" vs "allergic to peanuts").
 * That last rule stops "saying randomly" with weak embedders (low scores need lexical evidence); it is off by
 * default because the embedded engine's threshold does that job with a sentence model.
 *
 * Before any of these, a stored question that only repeats the current query is dropped (echo.ts): the user
 * asking the same thing again is not evidence of the answer, and as the best hit it would raise the relative
 * cut above the memory that states the fact.
 */

import { contentStems, sharesStem } from "@automatos/text";
import { isQueryEcho } from "./echo.js";

export interface FloorRules {
  /** Absolute floor on mem0's fused score (0..1). */
  minScore: number;
  /** Scores at or above this pass without lexical evidence. */
  strongScore: number;
  /** Keep only scores >= relativeToBest * best score (0 disables). */
  relativeToBest: number;
}

/**
 * Chosen on the dev halves of the relevance sets (bench/relevance: RealMemBench and the in-house set, never
 * their test halves) with the embedded default (all-MiniLM-L6-v2, hybrid search): the engine's threshold
 * already removes candidates a sentence model finds unrelated, so the floor keeps what scores at least half
 * of the best and needs no lexical evidence (`strongScore` 0 switches that rule off; a weaker embedder can
 * switch it on). On the dev halves a relative floor of 0.5 with 5 memories a turn gave 2.5 off-topic
 * memories per turn on the in-house set instead of 5.4 unfloored at 8, while RealMemBench's recall of 10 asked
 * stayed at 1.20x BM25. `minScore` is 0: the hybrid engine's score is relative to its candidate pool, which
 * includes memories the router then drops as out of scope (an agent search also sees the agent's notes about
 * other users), so an absolute cut on it could drop a relevant memory for another user's sake; the engine's
 * threshold on the cosine is the absolute test.
 */
export const DEFAULT_FLOOR: FloorRules = { minScore: 0, strongScore: 0, relativeToBest: 0.5 };

export interface FloorResult<T> {
  kept: T[];
  dropped: T[];
}

/** Applies the floor; keeps the input order of the kept items (callers sort by score first). NaN never passes. */
export function applyRelevanceFloor<T extends { score: number; text: string }>(
  items: readonly T[],
  query: string,
  rules: FloorRules = DEFAULT_FLOOR,
): FloorResult<T> {
  const queryStems = contentStems(query);
  const dropped: T[] = [];
  const candidates: T[] = [];
  for (const item of items) (isQueryEcho(queryStems, item.text) ? dropped : candidates).push(item);
  const best = candidates.reduce((m, i) => (Number.isFinite(i.score) && i.score > m ? i.score : m), 0);
  const cut = Math.max(rules.minScore, best * rules.relativeToBest);
  const kept: T[] = [];
  for (const item of candidates) {
    const passes =
      Number.isFinite(item.score) &&
      item.score >= cut &&
      (item.score >= rules.strongScore || sharesStem(queryStems, contentStems(item.text)));
    (passes ? kept : dropped).push(item);
  }
  return { kept, dropped };
}
