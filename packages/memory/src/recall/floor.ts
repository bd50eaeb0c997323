/**
 * Step 3 of recall: the relevance floor.
 *
 * mem0's score is fused and normalised per query (mem0-contract §3.6), so a single absolute cut-off is only half
 * a rule: an unrelated question still has a "best" hit. Two rules, both data:
 * - `minScore`: below it a memory is noise whatever else matched (this is what stops "saying randomly");
 * - `relativeToBest`: once something clearly matches, drop the long tail scoring under a fraction of it.
 */

export interface FloorRules {
  /** Absolute floor on mem0's fused score (0..1). */
  minScore: number;
  /** Keep only scores >= relativeToBest * best score (0 disables). */
  relativeToBest: number;
}

export const DEFAULT_FLOOR: FloorRules = { minScore: 0.2, relativeToBest: 0.5 };

export interface FloorResult<T> {
  kept: T[];
  dropped: T[];
}

/** Applies both floors; keeps the input order (callers sort by score first). NaN scores never pass. */
export function applyRelevanceFloor<T extends { score: number }>(
  items: readonly T[],
  rules: FloorRules = DEFAULT_FLOOR,
): FloorResult<T> {
  const best = items.reduce((m, i) => (Number.isFinite(i.score) && i.score > m ? i.score : m), 0);
  const cut = Math.max(rules.minScore, best * rules.relativeToBest);
  const kept: T[] = [];
  const dropped: T[] = [];
  for (const item of items) (Number.isFinite(item.score) && item.score >= cut ? kept : dropped).push(item);
  return { kept, dropped };
}
