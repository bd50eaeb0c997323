/**
 * The offline embedders on their own (subpath "@automatos/mem0-embedded/embedder"): importing it does not load
 * the engine, PGlite or mem0 (nor the model: createMiniLmEmbedder loads it). The default is all-MiniLM-L6-v2;
 * the lexical embedder stays for measurement (bench/relevance measures its variants through these exports).
 */
export { type ConceptLexicon, createConceptLexicon } from "./concept-lexicon.js";
export { createDefaultEmbedder, DEFAULT_EMBEDDER_ID } from "./default-embedder.js";
export { asEmbedder, type LocalEmbedder } from "./embedder-shape.js";
export { addHashed, addTo, hash32, normalise } from "./feature-hashing.js";
export { BASE_CONFIG, createLexicalEmbedder, type LexicalEmbedderConfig } from "./lexical-embedder.js";
export {
  createLocalEmbedder,
  DEFAULT_LOCAL_DIMENSIONS,
  LOCAL_EMBEDDER_CONFIG,
  LOCAL_EMBEDDER_ID,
  type LocalEmbedderOptions,
} from "./local-embedder.js";
export {
  createMiniLmEmbedder,
  DEFAULT_MAX_BATCH,
  MINILM_DIMENSIONS,
  MINILM_EMBEDDER_ID,
  MINILM_FP32_EMBEDDER_ID,
  type MiniLmEmbedder,
  type MiniLmEmbedderOptions,
  type MiniLmPrecision,
} from "./minilm-embedder.js";
export { loadWordIdf, type WordIdf } from "./word-idf.js";
