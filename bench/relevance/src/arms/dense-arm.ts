import type { DenseEmbedder } from "./default-embedder.js";
import { type Arm, UserMemories } from "./types.js";

interface Vec {
  key: string;
  vec: Float32Array;
}

function unit(v: readonly number[]): Float32Array {
  let norm = 0;
  for (const x of v) norm += x * x;
  const out = Float32Array.from(v);
  if (norm > 0) for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) / Math.sqrt(norm);
  return out;
}

/**
 * "Dense only": exact cosine over every stored memory of the user with the engine's default embedder, no
 * lexical term, no floor. What the dense half of the engine could give at best (no index approximation).
 */
export function createDenseArm(embedder: DenseEmbedder, k = 10): Arm {
  const memories = new UserMemories<Vec>();
  const embedQuery = (embedder.embedForSearch ?? embedder.embedQuery).bind(embedder);
  return {
    name: "dense only (exact cosine)",
    add: async (userId, added) => {
      const vectors = await embedder.embedDocuments(added.map((m) => m.text));
      memories.push(
        userId,
        added.map((m, i) => ({ key: m.key, vec: unit(vectors[i] ?? []) })),
      );
    },
    ask: async (userId, query) => {
      const q = unit(await embedQuery(query.text));
      const scored = memories.get(userId).map(({ key, vec }) => {
        let dot = 0;
        for (let i = 0; i < vec.length; i++) dot += (vec[i] as number) * (q[i] ?? 0);
        return { key, dot };
      });
      scored.sort((a, b) => b.dot - a.dot);
      return { keys: scored.slice(0, k).map((s) => s.key) };
    },
  };
}
