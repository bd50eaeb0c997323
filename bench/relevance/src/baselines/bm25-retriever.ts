import type { Dataset } from "../dataset/types.js";
import type { Retriever } from "../evaluate.js";
import { type Bm25Index, bm25Terms, buildBm25Index } from "./bm25-index.js";

/** BM25 over the same turns, one index per user (a question only sees its own user's memories). */
export function createBm25Retriever(dataset: Dataset): Retriever {
  const indexes = new Map<string, Bm25Index | null>();
  for (const persona of dataset.personas) {
    const turns = dataset.turns.filter((t) => t.userId === persona.userId);
    indexes.set(persona.userId, buildBm25Index(turns.map((t) => ({ id: t.id, terms: bm25Terms(t.text) }))));
  }
  return async (userId, question, k) => indexes.get(userId)?.search(question, k) ?? [];
}
