/**
 * The pure scoring of hybrid search on its own (subpath "@automatos/mem0-embedded/scoring"): BM25 over
 * tsvector lexemes, score fusion and the threshold gate, without the engine. bench/relevance's offline
 * study uses exactly these functions to choose the weights on the dev halves.
 */
export { anyLexemeQuery, type Bm25Stats, bm25Scores, type LexicalDoc, parseTsvector } from "./bm25.js";
export {
  DEFAULT_FUSION,
  type FusedCandidate,
  type FusionCandidate,
  type FusionWeights,
  fuseScores,
  passesThreshold,
} from "./score-fusion.js";
