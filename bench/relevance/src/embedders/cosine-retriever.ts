import type { LocalEmbedder as Embedder } from "@automatos/mem0-embedded/embedder";
import type { Dataset } from "../dataset/types.js";
import type { Retriever } from "../evaluate.js";

/**
 * Exact cosine ranking of a user's turns by one embedder, nothing else: what mem0's pgvector path reduces to
 * (its keyword term is ~0 there). A fast way to compare embedders; reported figures come from mem0 itself.
 */
export function createCosineRetriever(dataset: Dataset, embedder: Embedder): Retriever {
  const byUser = new Map<string, { id: string; vec: number[] }[]>();
  for (const t of dataset.turns) {
    byUser.set(t.userId, [...(byUser.get(t.userId) ?? []), { id: t.id, vec: embedder.embed(t.text) }]);
  }
  return async (userId, question, k) => {
    const q = embedder.embed(question);
    const scored = (byUser.get(userId) ?? []).map(({ id, vec }) => {
      let dot = 0;
      for (let i = 0; i < vec.length; i++) dot += (vec[i] ?? 0) * (q[i] ?? 0);
      return { id, dot };
    });
    scored.sort((a, b) => b.dot - a.dot);
    return scored.slice(0, k).map((s) => s.id);
  };
}
