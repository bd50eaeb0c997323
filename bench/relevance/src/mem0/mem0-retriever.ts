import type { LocalEmbedder as Embedder } from "@automatos/mem0-embedded/embedder";
import { memoriesByUser, turnIdOf } from "../dataset/memories.js";
import type { Dataset } from "../dataset/types.js";
import type { Retriever } from "../evaluate.js";
import { openMem0Stores, type StoreKind } from "./mem0-store.js";

export interface Mem0RetrieverOptions {
  dataset: Dataset;
  embedder: Embedder;
  store?: StoreKind;
  /**
   * topK asked from mem0 (default: k). mem0 ranks only its top max(4*topK, 60) semantic candidates, so asking
   * for more widens the set BM25 may re-rank; the result is then trimmed to k.
   */
  fetchK?: number;
  /** mem0's threshold on the raw cosine (engine default 0.1). */
  threshold?: number;
}

/** One mem0 search hit mapped back to the dataset (score = mem0's fused score). */
export interface ScoredTurn {
  turnId: string;
  score: number;
  text: string;
}

export interface Mem0Retriever {
  retrieve: Retriever;
  /** The raw mem0 search, best first, for analyses that need scores (e.g. a relevance floor). */
  searchScored(userId: string, question: string, topK: number): Promise<ScoredTurn[]>;
  /** Wall time to add every turn (ms). */
  loadMs: number;
  close(): Promise<void>;
}

/** Loads the dataset into mem0's own engine (one memory per turn, infer:false) and searches it per user. */
export async function createMem0Retriever(options: Mem0RetrieverOptions): Promise<Mem0Retriever> {
  const { dataset, embedder } = options;
  const byUser = memoriesByUser(dataset);
  const stores = await openMem0Stores(options.store ?? "memory", [...byUser.keys()], embedder);
  const started = performance.now();
  try {
    for (const [userId, records] of byUser) {
      const memory = stores.forUser(userId);
      for (const r of records) {
        await memory.add([{ role: r.role, content: r.text }], { userId, infer: false, metadata: r.metadata });
      }
    }
  } catch (err) {
    await stores.close();
    throw err;
  }
  const loadMs = performance.now() - started;
  const searchScored = async (userId: string, question: string, topK: number): Promise<ScoredTurn[]> => {
    const { results } = await stores.forUser(userId).search(question, {
      filters: { user_id: userId },
      topK,
      ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
    });
    const out: ScoredTurn[] = [];
    for (const r of results) {
      const turnId = turnIdOf(r.metadata);
      if (turnId && !out.some((o) => o.turnId === turnId))
        out.push({ turnId, score: r.score ?? 0, text: r.memory });
    }
    return out;
  };
  const retrieve: Retriever = async (userId, question, k) =>
    (await searchScored(userId, question, Math.max(k, options.fetchK ?? k))).slice(0, k).map((t) => t.turnId);
  return { retrieve, searchScored, loadMs, close: () => stores.close() };
}
