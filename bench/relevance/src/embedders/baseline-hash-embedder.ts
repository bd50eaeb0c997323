import {
  addHashed,
  addTo,
  asEmbedder,
  type LocalEmbedder as Embedder,
  normalise,
} from "@automatos/mem0-embedded/embedder";
import { words } from "@automatos/text";

/**
 * The reference point of the experiments (docs/targets.md "mem0's engine with an offline hashing embedder"):
 * raw lower-cased word unigrams plus character 3-grams, counts hashed unsigned into 256 dimensions,
 * L2-normalised. No stemming, no stop words, no weighting.
 */
export function createBaselineHashEmbedder(dimensions = 256): Embedder {
  const embed = (text: string): number[] => {
    const features = new Map<string, number>();
    for (const w of words(text)) {
      addTo(features, `w:${w}`, 1);
      const padded = `<${w}>`;
      for (let i = 0; i + 3 <= padded.length; i++) addTo(features, `c:${padded.slice(i, i + 3)}`, 1);
    }
    const vec = new Float64Array(dimensions);
    addHashed(vec, features, false);
    return normalise(vec);
  };
  return asEmbedder(`baseline-hash-${dimensions}`, dimensions, embed);
}
