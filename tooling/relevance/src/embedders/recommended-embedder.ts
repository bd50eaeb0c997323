import { createConceptLexicon } from "./concept-lexicon.js";
import { createLexicalEmbedder, type LexicalEmbedderConfig } from "./lexical-embedder.js";
import type { Embedder } from "./types.js";

/**
 * The offline embedder this package recommends as mem0-embedded's default (README, "Recommendation"):
 * Porter-stemmed content words (stop words dropped) weighted by SUBTLEX IDF, character 3-grams at half
 * weight for spelling variants, the concept lexicon at 1.5x, signed hashing into 1024 dimensions.
 * Bump the id whenever the algorithm or a table changes: stored vectors of another version are not comparable.
 */
export const RECOMMENDED_EMBEDDER_ID = "local-lexical-v2";

export const RECOMMENDED_CONFIG: Omit<LexicalEmbedderConfig, "lexicon"> = {
  dimensions: 1024,
  stem: true,
  stopWordWeight: 0,
  idfPower: 1,
  charNgrams: [3],
  charNgramWeight: 0.5,
  bigramWeight: 0,
  lexiconWeight: 1.5,
  signed: true,
};

export function createRecommendedEmbedder(
  options: { dimensions?: number; lexicon?: boolean } = {},
): Embedder {
  const useLexicon = options.lexicon ?? true;
  return createLexicalEmbedder(RECOMMENDED_EMBEDDER_ID, {
    ...RECOMMENDED_CONFIG,
    dimensions: options.dimensions ?? RECOMMENDED_CONFIG.dimensions,
    ...(useLexicon ? { lexicon: createConceptLexicon() } : { lexiconWeight: 0 }),
  });
}
