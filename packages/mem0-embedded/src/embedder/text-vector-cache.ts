/**
 * Vectors of recently embedded texts, answered again without running the model.
 *
 * Why: the chatbot recalls with the user's message and then remembers that same message
 * (apps/chatbot/src/chat/chat-service.ts), so every chat turn embedded it twice: once for the search, once
 * for the stored memory. A MiniLM vector depends only on its text (int8, the default, runs every text alone;
 * fp32's padded write batches give the same vector within float rounding: minilm-embedder.test.ts), so the
 * second embedding can be the first one's.
 *
 * lru-cache (isaacs) bounds it by entry count and drops the least recently used text first. Vectors are kept
 * as Float32Array (1.5 KB at 384 dims, a third of a number[]), and every answer is a new array: the engine
 * binds a search's request to its query vector by identity (engine/hybrid-search.ts), so two searches of one
 * text must not share an array.
 */
import { LRUCache } from "lru-cache";

export const DEFAULT_TEXT_CACHE_ENTRIES = 4096;
const MAX_TEXT_CACHE_ENTRIES = 1_000_000;

export interface TextCacheStats {
  /** Vectors answered from the cache. */
  hits: number;
  /** Vectors the model computed (every call when the cache is off). */
  misses: number;
  /** Texts held now. */
  entries: number;
  /** Most texts held (0 = off). */
  capacity: number;
}

export interface TextVectorCache {
  /** The cached vector of `text` as a new array, else `compute(text)`'s, kept for next time. */
  through(text: string, compute: (text: string) => Promise<number[]>): Promise<number[]>;
  stats(): TextCacheStats;
}

export function createTextVectorCache(capacity: number, dimensions: number): TextVectorCache {
  if (!Number.isInteger(capacity) || capacity < 0 || capacity > MAX_TEXT_CACHE_ENTRIES)
    throw new Error(`cacheEntries must be an integer in 0..${MAX_TEXT_CACHE_ENTRIES}, got ${capacity}`);
  const vectors = capacity > 0 ? new LRUCache<string, Float32Array>({ max: capacity }) : undefined;
  let hits = 0;
  let misses = 0;
  return {
    async through(text, compute) {
      const kept = vectors?.get(text);
      if (kept) {
        hits++;
        return Array.from(kept);
      }
      misses++;
      const vector = await compute(text);
      if (vectors && vector.length === dimensions) vectors.set(text, Float32Array.from(vector));
      return vector;
    },
    stats: () => ({ hits, misses, entries: vectors?.size ?? 0, capacity }),
  };
}
