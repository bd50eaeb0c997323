/**
 * One onnxruntime InferenceSession per process, created on first use and shared by every MiniLM embedder
 * of the process (the engine, the re-embed command and benches each load the model once).
 *
 * onnxruntime-node loads the CPU library shipped inside its npm package; nothing is downloaded.
 */
import * as ort from "onnxruntime-node";
import { onnxThreadsFromEnv } from "../../env.js";
import { DEFAULT_MINILM_PRECISION, type MiniLmPrecision } from "./identity.js";
import { ensureModelFile } from "./model-cache.js";

/**
 * One intra-op thread, by measurement (bench/embed-ingest.ts, 1 against 2 on a 2-core machine): with two,
 * onnxruntime's pool competes with the engine's JS thread (PGlite runs SQL there): REST ingest fell from
 * 89.9 to 71.1 memories/s, while query latency gained under 1 ms. One inter-op thread: the graph is a single chain.
 */
export const DEFAULT_INTRA_OP_THREADS = 1;

export interface SessionOptions {
  intraOpNumThreads?: number;
  cacheDir?: string;
  /** int8 (default) or fp32 linear layers (identity.ts). */
  precision?: MiniLmPrecision;
}

const sessions = new Map<string, Promise<ort.InferenceSession>>();

/** The intra-op thread count a session of these options uses. */
export function threadsOf(options: SessionOptions): number {
  return options.intraOpNumThreads ?? onnxThreadsFromEnv() ?? DEFAULT_INTRA_OP_THREADS;
}

export function sharedSession(options: SessionOptions = {}): Promise<ort.InferenceSession> {
  const threads = threadsOf(options);
  const precision = options.precision ?? DEFAULT_MINILM_PRECISION;
  const key = `${threads}:${precision}:${options.cacheDir ?? ""}`;
  let session = sessions.get(key);
  if (!session) {
    session = (async () => {
      const { path } = ensureModelFile(options.cacheDir, precision);
      return ort.InferenceSession.create(path, {
        intraOpNumThreads: threads,
        interOpNumThreads: 1,
        executionMode: "sequential",
        graphOptimizationLevel: "all",
      });
    })();
    sessions.set(key, session);
    session.catch(() => sessions.delete(key)); // a failed load may be retried
  }
  return session;
}

export { ort };
