/**
 * Runs MiniLM batches in a worker thread (model-worker.mjs) with its own onnxruntime session, one batch at a
 * time. The write path (mem0's embedQuery for every added memory) goes here, so embedding a batch of adds
 * uses the second core instead of blocking the engine's main thread, where PGlite answers searches.
 * The worker starts with the first write and is unref'd while idle: an idle embedder never keeps a process alive.
 * A worker that dies (an error thrown out of it, an exit) fails the calls it held, and the next call after a
 * pause starts a new one (restart-backoff.ts: 125-250 ms after a first death, doubling per death in a row up
 * to 30 s, back to the start after an answer): the engine embeds again without a restart, and a worker that
 * cannot start does not spin.
 */
import { Worker } from "node:worker_threads";
import { restartBackoff } from "../../supervisor/restart-backoff.js";
import { MINILM_DIMENSIONS, type MiniLmPrecision } from "./identity.js";
import { ensureModelFile } from "./model-cache.js";
import type { TokenBatch } from "./tokenize.js";

export interface WorkerRunner {
  /** Runs the batches one after another; answers their rows in order. */
  run(batches: TokenBatch[]): Promise<number[][]>;
  close(): Promise<void>;
}

interface Reply {
  id: number;
  vectors?: Float32Array;
  error?: string;
}

const RESTART_INITIAL_MS = 250;
const RESTART_MAX_MS = 30_000;
const MODEL_WORKER = new URL("./model-worker.mjs", import.meta.url);

export function startWorkerRunner(options: {
  intraOpNumThreads: number;
  cacheDir?: string;
  precision: MiniLmPrecision;
  /**
   * How many steps of Linux nice the worker thread runs below its host (0 = as its host, the default; the
   * result is capped at 19). The write worker runs WRITE_WORKER_NICENESS below: when the cores are busy the
   * kernel gives its model runs what searches leave over.
   */
  niceness?: number;
  /** The worker's script; another one only to inject faults in tests (it must answer as model-worker.mjs). */
  script?: URL;
}): WorkerRunner {
  const { path } = ensureModelFile(options.cacheDir, options.precision);
  const pending = new Map<number, { resolve(v: number[][]): void; reject(e: Error): void; rows: number }>();
  let nextId = 0;
  let closed: Error | undefined;
  const backoff = restartBackoff(RESTART_INITIAL_MS, RESTART_MAX_MS);
  /** The last worker's death, and when the next one may start. */
  let death: { error: Error; retryAt: number } | undefined;

  const died = (w: Worker, error: Error) => {
    if (started !== w) return; // the second event of one death ("error", then "exit")
    started = undefined;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    if (!closed) death = { error, retryAt: Date.now() + backoff.next() };
  };
  // Started at the first write, not with the embedder: an embedder that only ever embeds searches (a bench,
  // a tool) never loads a second session, and a host never ends while a worker is still loading onnxruntime
  // (an unref'd worker that had not come online kept its host alive; ended mid-load, the addon aborted).
  let started: Worker | undefined;
  const worker = (): Worker => {
    if (started) return started;
    const w = new Worker(options.script ?? MODEL_WORKER, {
      workerData: {
        modelPath: path,
        intraOpNumThreads: options.intraOpNumThreads,
        dimensions: MINILM_DIMENSIONS,
        niceness: options.niceness ?? 0,
      },
    });
    w.on("message", ({ id, vectors, error }: Reply) => {
      const p = pending.get(id);
      if (!p) return;
      pending.delete(id);
      if (pending.size === 0) w.unref();
      if (error !== undefined || !vectors) return p.reject(new Error(`MiniLM worker: ${error}`));
      backoff.reset();
      death = undefined;
      const rows: number[][] = [];
      for (let r = 0; r < p.rows; r++)
        rows.push(Array.from(vectors.subarray(r * MINILM_DIMENSIONS, (r + 1) * MINILM_DIMENSIONS)));
      p.resolve(rows);
    });
    w.on("error", (error) => died(w, new Error(`MiniLM worker failed: ${error.message}`)));
    w.on("exit", (code) => died(w, new Error(`MiniLM worker exited (code ${code})`)));
    started = w;
    return w;
  };

  return {
    run: (batches) =>
      new Promise((resolve, reject) => {
        if (closed) return reject(closed);
        if (death && Date.now() < death.retryAt) return reject(death.error);
        const id = nextId++;
        pending.set(id, { resolve, reject, rows: batches.reduce((n, b) => n + b.batch, 0) });
        const w = worker();
        w.ref(); // an embedding in flight keeps the process alive until it answers
        w.postMessage(
          { id, batches },
          batches.flatMap((b) => [b.inputIds.buffer as ArrayBuffer, b.attentionMask.buffer as ArrayBuffer]),
        );
      }),
    close: async () => {
      closed ??= new Error("MiniLM worker closed");
      await started?.terminate();
    },
  };
}
