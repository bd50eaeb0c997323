/**
 * Fuses the dense (cosine) and lexical (BM25) candidates of one search into one score in 0..1.
 *
 * Score fusion rather than reciprocal rank fusion: on the public long-conversation benchmark and on the
 * RealMemBench dev half, `w x dense (min-max over the candidates) + (1 - w) x BM25 / best BM25` found more
 * answering memories than either retriever alone or rank fusion (figures in the package README). Min-max keeps
 * the cosine's spread (MiniLM cosines of related and unrelated texts sit in a narrow band) and dividing by
 * the best BM25 keeps "no lexical match" at 0.
 */

export interface FusionCandidate {
  id: string;
  /** raw cosine similarity, -1..1 */
  cosine: number;
  /** raw BM25, 0 when no query lexeme occurs */
  bm25: number;
}

export interface FusedCandidate extends FusionCandidate {
  score: number;
  /** the normalised parts, for `explain` */
  dense: number;
  lexical: number;
}

export interface FusionWeights {
  /** weight of the dense part; the lexical part gets 1 - dense */
  dense: number;
}

export const DEFAULT_FUSION: FusionWeights = { dense: 0.6 };

export function fuseScores(
  candidates: readonly FusionCandidate[],
  weights: FusionWeights = DEFAULT_FUSION,
): FusedCandidate[] {
  if (candidates.length === 0) return [];
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let bestBm25 = 0;
  for (const c of candidates) {
    lo = Math.min(lo, c.cosine);
    hi = Math.max(hi, c.cosine);
    bestBm25 = Math.max(bestBm25, c.bm25);
  }
  const span = hi - lo;
  const fused = candidates.map((c) => {
    // One candidate (or all equal): nothing to spread, the cosine itself is the best estimate.
    const dense = span > 1e-9 ? (c.cosine - lo) / span : Math.max(0, Math.min(1, c.cosine));
    const lexical = bestBm25 > 0 ? c.bm25 / bestBm25 : 0;
    return { ...c, dense, lexical, score: weights.dense * dense + (1 - weights.dense) * lexical };
  });
  return fused.sort((a, b) => b.score - a.score || b.cosine - a.cosine);
}
