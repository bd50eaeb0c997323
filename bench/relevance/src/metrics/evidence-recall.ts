/**
 * Retrieval metrics over evidence turns (pure functions).
 * - evidence recall@k: the fraction of a question's evidence turns found in the top k results;
 * - hit-rate@k: 1 when at least one evidence turn is in the top k.
 * Duplicated ids in a result list count once (a retriever that repeats a turn gains nothing).
 */

function topK(retrieved: readonly string[], k: number): Set<string> {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  return new Set(retrieved.slice(0, k));
}

function distinctEvidence(evidence: readonly string[]): Set<string> {
  const set = new Set(evidence);
  if (set.size === 0) throw new RangeError("evidence must hold at least one turn id");
  return set;
}

export function evidenceRecallAt(
  retrieved: readonly string[],
  evidence: readonly string[],
  k: number,
): number {
  const top = topK(retrieved, k);
  const wanted = distinctEvidence(evidence);
  let found = 0;
  for (const id of wanted) if (top.has(id)) found++;
  return found / wanted.size;
}

export function hitAt(retrieved: readonly string[], evidence: readonly string[], k: number): number {
  const top = topK(retrieved, k);
  for (const id of distinctEvidence(evidence)) if (top.has(id)) return 1;
  return 0;
}

export interface ScoredQuestion {
  category: string;
  retrieved: readonly string[];
  evidence: readonly string[];
}

export interface MetricSummary {
  questions: number;
  /** Mean evidence recall@k, keyed by k. */
  recall: Record<number, number>;
  /** Mean hit-rate@k, keyed by k. */
  hit: Record<number, number>;
}

/** Means over questions (macro-average: every question weighs the same). */
export function summarise(items: readonly ScoredQuestion[], ks: readonly number[]): MetricSummary {
  const recall: Record<number, number> = {};
  const hit: Record<number, number> = {};
  for (const k of ks) {
    const n = Math.max(1, items.length);
    recall[k] = items.reduce((sum, q) => sum + evidenceRecallAt(q.retrieved, q.evidence, k), 0) / n;
    hit[k] = items.reduce((sum, q) => sum + hitAt(q.retrieved, q.evidence, k), 0) / n;
  }
  return { questions: items.length, recall, hit };
}

/** The overall summary plus one per category. */
export function summariseByCategory(
  items: readonly ScoredQuestion[],
  ks: readonly number[],
): { overall: MetricSummary; byCategory: Record<string, MetricSummary> } {
  const categories = [...new Set(items.map((q) => q.category))].sort();
  const byCategory: Record<string, MetricSummary> = {};
  for (const c of categories)
    byCategory[c] = summarise(
      items.filter((q) => q.category === c),
      ks,
    );
  return { overall: summarise(items, ks), byCategory };
}
