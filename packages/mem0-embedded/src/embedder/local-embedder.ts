import { createConceptLexicon } from "./concept-lexicon.js";
import type { LocalEmbedder } from "./embedder-shape.js";
import { createLexicalEmbedder, type LexicalEmbedderConfig } from "./lexical-embedder.js";

/**
 * The default offline embedder (deterministic, no model download, no network), chosen by measurement on
 * bench/relevance's retrieval set (its README has every step): Porter-stemmed content words (stop words
 * dropped) weighted by SUBTLEX IDF, character 3-grams at half weight for spelling variants, the concept
 * lexicon at 1.5x, signed feature hashing into 1024 dimensions, L2-normalised.
 *
 * It matches texts sharing content words (any inflection) and the everyday synonyms listed in the lexicon.
 * It cannot match paraphrases outside the lexicon ("what do I do for a living" vs "I'm a nurse"): configure
 * an embeddings endpoint for that.
 *
 * The shape follows LangChain's `Embeddings` (embedQuery / embedDocuments), which mem0's "langchain"
 * embedder provider accepts by duck typing.
 */

/**
 * Bump whenever the algorithm or a table (stop words, IDF list, lexicon) changes: the data directory records
 * this id and refuses vectors made by another version (embedder.json). v1 was "local-hash-v1" (512 dims); v2
 * had a stop-word list of its own, v3 uses @automatos/text's, the one recall's floor uses.
 */
export const LOCAL_EMBEDDER_ID = "local-lexical-v3";
export const DEFAULT_LOCAL_DIMENSIONS = 1024;

export const LOCAL_EMBEDDER_CONFIG: Omit<LexicalEmbedderConfig, "lexicon"> = {
  dimensions: DEFAULT_LOCAL_DIMENSIONS,
  stem: true,
  stopWordWeight: 0,
  idfPower: 1,
  charNgrams: [3],
  charNgramWeight: 0.5,
  bigramWeight: 0,
  lexiconWeight: 1.5,
  signed: true,
};

export interface LocalEmbedderOptions {
  dimensions?: number;
  /** false leaves the concept lexicon out (for measurement); the id then ends in "-no-lexicon". */
  lexicon?: boolean;
}

export function createLocalEmbedder(options: LocalEmbedderOptions = {}): LocalEmbedder {
  const dimensions = options.dimensions ?? DEFAULT_LOCAL_DIMENSIONS;
  if (!Number.isInteger(dimensions) || dimensions < 16 || dimensions > 4096)
    throw new Error(`dimensions must be an integer in 16..4096, got ${dimensions}`);
  const useLexicon = options.lexicon ?? true;
  // Other vectors, so another id: the data-dir guard must not mix the two.
  return createLexicalEmbedder(useLexicon ? LOCAL_EMBEDDER_ID : `${LOCAL_EMBEDDER_ID}-no-lexicon`, {
    ...LOCAL_EMBEDDER_CONFIG,
    dimensions,
    ...(useLexicon ? { lexicon: createConceptLexicon() } : { lexiconWeight: 0 }),
  });
}
