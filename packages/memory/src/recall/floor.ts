/**
 * Step 3 of recall: the relevance floor.
 *
 * mem0's score is fused and normalised per query (mem0-contract §3.6), so one absolute cut-off is only part
 * of a rule: an unrelated question still has a "best" hit. A memory is kept when ALL of these hold:
 * - `minScore`: its fused score reaches the absolute floor (below it, noise whatever else matched);
 * - `relativeToBest`: it scores at least that fraction of the best hit (drops the long tail once something
 *   clearly matches);
 * - either its score reaches `strongScore`, or it shares a content word with the query (overlap.ts).
 * That last rule is what stops "saying randomly" with weak embedders: low scores need lexical evidence.
 *
 * Before any of these, a stored question that only repeats the current query is dropped (echo.ts): the user
 * asking the same thing again is not evidence of the answer, and as the best hit it would raise the relative
 * cut above the memory that states the fact.
 */
import { isQueryEcho } from "./echo.js";
import { contentStems, sharesContent } from "./overlap.js";

export interface FloorRules {
  /** Absolute floor on mem0's fused score (0..1). */
  minScore: number;
  /** Scores at or above this pass without lexical evidence. */
  strongScore: number;
  /** Keep only scores >= relativeToBest * best score (0 disables). */
  relativeToBest: number;
}

/**
 * Measured on tooling/relevance's set (380 questions, 3,060 turns) through memory.recall on the embedded mem0
 * with its default embedder local-lexical-v2 (bench/recall-relevance.ts, maxMemories 10): raw search top 10 =
 * recall@10 0.801 at 8.6 memories per turn; with these rules 0.803 at 7.0 (an earlier question that echoes
 * the query no longer takes a slot). relativeToBest 0.5 cost -0.027 recall for -1.8 memories per turn; 0
 * gave the same recall with +0.5 memories. Before the lexical evidence test knew the embedder's synonym
 * families, the strongScore rule dropped half the paraphrase hits (recall@10 0.731; strongScore 0.2: 0.781).
 */
export const DEFAULT_FLOOR: FloorRules = { minScore: 0.1, strongScore: 0.3, relativeToBest: 0.3 };

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
      (item.score >= rules.strongScore || sharesContent(queryStems, item.text));
    (passes ? kept : dropped).push(item);
  }
  return { kept, dropped };
}
