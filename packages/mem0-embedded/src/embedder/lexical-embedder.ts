import { STOP_WORDS, stem, words } from "@automatos/text";
import type { ConceptLexicon } from "./concept-lexicon.js";
import { asEmbedder, type LocalEmbedder } from "./embedder-shape.js";
import { addHashed, addTo, normalise } from "./feature-hashing.js";
import { loadWordIdf } from "./word-idf.js";

/**
 * The local embedder's pipeline, configurable so that bench/relevance can measure one design change at a
 * time (its README has the table). Every feature family is optional; weights are relative (the vector is
 * L2-normalised at the end). The default configuration is in local-embedder.ts.
 */
export interface LexicalEmbedderConfig {
  dimensions: number;
  /** Porter stems instead of surface words. */
  stem: boolean;
  /** Weight of stop-word unigrams (0 drops them, 1 keeps them as ordinary words). */
  stopWordWeight: number;
  /** Multiply word features by idf^idfPower (SUBTLEX reference counts); 0 = no IDF. */
  idfPower: number;
  /** Character n-gram sizes taken from each content word (with < > boundary marks); [] = none. */
  charNgrams: number[];
  /** Weight of the character n-grams relative to their word's weight. */
  charNgramWeight: number;
  /** Weight of adjacent content-word bigrams (0 = none). */
  bigramWeight: number;
  /** Concept lexicon: each word also fires its concept features with this weight (0 or no lexicon = none). */
  lexicon?: ConceptLexicon;
  lexiconWeight: number;
  /** Signed (+/-) feature hashing. */
  signed: boolean;
}

export const BASE_CONFIG: LexicalEmbedderConfig = {
  dimensions: 256,
  stem: false,
  stopWordWeight: 1,
  idfPower: 0,
  charNgrams: [3],
  charNgramWeight: 1,
  bigramWeight: 0,
  lexiconWeight: 0,
  signed: false,
};

export function createLexicalEmbedder(id: string, config: LexicalEmbedderConfig): LocalEmbedder {
  const idf = config.idfPower > 0 ? loadWordIdf() : undefined;
  const embed = (text: string): number[] => {
    // Per feature: how often it fires and its (largest) weight; tf is damped below, weights are not.
    const counts = new Map<string, number>();
    const weights = new Map<string, number>();
    const fire = (feature: string, weight: number): void => {
      addTo(counts, feature, 1);
      weights.set(feature, Math.max(weights.get(feature) ?? 0, weight));
    };
    const content: string[] = [];
    const tokens = words(text);
    // A text made only of stop words ("what about it?") keeps them, or every such text would collapse onto
    // the same fixed vector and match each other perfectly.
    const stopWeight = tokens.some((w) => !STOP_WORDS.has(w)) ? config.stopWordWeight : 1;
    for (const w of tokens) {
      const isStop = STOP_WORDS.has(w);
      const term = config.stem ? stem(w) : w;
      const base = isStop ? stopWeight : 1;
      if (base === 0) continue;
      const weight = base * (idf ? idf.ofStem(config.stem ? term : stem(w)) ** config.idfPower : 1);
      fire(`w:${term}`, weight);
      if (isStop) continue;
      content.push(term);
      if (config.charNgrams.length > 0 && config.charNgramWeight > 0) {
        const padded = `<${w}>`;
        const grams: string[] = [];
        for (const n of config.charNgrams)
          for (let i = 0; i + n <= padded.length; i++) grams.push(padded.slice(i, i + n));
        // Spread the word's n-gram mass over its grams, so long words do not outweigh short ones.
        const each = (weight * config.charNgramWeight) / Math.sqrt(grams.length);
        for (const g of grams) fire(`c:${g}`, each);
      }
      if (config.lexicon && config.lexiconWeight > 0) {
        for (const concept of config.lexicon.conceptsOf(stem(w)))
          fire(`k:${concept}`, weight * config.lexiconWeight);
      }
    }
    if (config.bigramWeight > 0) {
      for (let i = 1; i < content.length; i++) {
        const w = idf
          ? Math.sqrt(idf.ofStem(content[i - 1]!) * idf.ofStem(content[i]!)) ** config.idfPower
          : 1;
        fire(`b:${content[i - 1]} ${content[i]}`, w * config.bigramWeight);
      }
    }
    // Sub-linear term frequency: a word said three times is not three times as relevant.
    const features = new Map<string, number>();
    for (const [f, n] of counts) features.set(f, (1 + Math.log(n)) * (weights.get(f) ?? 0));
    const vec = new Float64Array(config.dimensions);
    addHashed(vec, features, config.signed);
    return normalise(vec);
  };
  return asEmbedder(id, config.dimensions, embed);
}
