/**
 * One measurement over one or more sets (the P10 benchmark and the dev tuning command both call this): a
 * fresh memory stack, the default embedder loaded here for "dense only", and per set the arms side by side:
 * memory.recall (per variant: 10 memories asked, and as configured), dense only, BM25, legacy.
 */
import { performance } from "node:perf_hooks";
import { DEFAULT_CONFIG, type MemoryConfig } from "@automatos/memory";
import { createBm25Arm } from "../arms/bm25-arm.js";
import { type DenseEmbedder, loadDefaultEmbedder } from "../arms/default-embedder.js";
import { createDenseArm } from "../arms/dense-arm.js";
import { createLegacyArm } from "../arms/legacy-arm.js";
import { createRecallArm, type RecallCalls } from "../arms/recall-arm.js";
import type { Arm } from "../arms/types.js";
import { embeddingEnv } from "../env.js";
import { countMemories, countQueries, type EvalSet } from "../eval-set/types.js";
import { type ArmFigures, figuresOf, renderFigures } from "./figures.js";
import { startBenchStack } from "./memory-stack.js";
import { type RunTimings, runEvalSet } from "./run-eval-set.js";

/** "10 memories asked": room for 10 (maxMemories 10, a budget that fits them); time budget raised (see README). */
export const TEN_ASKED = { maxMemories: 10, tokenBudget: 8_000, timeBudgetMs: 5_000 } as const;
/** The configured maxMemories and tokenBudget; only the time budget raised. */
export const AS_CONFIGURED = { timeBudgetMs: 5_000 } as const;

export interface RecallVariant {
  /** e.g. "memory.recall" or "config #1". */
  label: string;
  /** Absent: the stack's own config (the defaults). */
  config?: MemoryConfig;
}

export const tenAskedArm = (label: string) => `${label}, 10 asked`;
export const asConfiguredArm = (v: RecallVariant) => `${v.label}, ${v.config ? "as configured" : "defaults"}`;
export const BM25_ARM = "BM25 (same memories)";

export interface SetMeasurement {
  set: string;
  split: string;
  personas: string[];
  memories: number;
  queries: number;
  notes: Record<string, number>;
  arms: Record<string, ArmFigures>;
  recallCalls: Record<string, RecallCalls>;
  /** Queries asked while the user had fewer than 3 memories (no BM25 result: wink's minimum). */
  bm25TooFew: number;
  timings: RunTimings;
  seconds: number;
}

export interface Measurement {
  /** The engine's embedder as it reports itself. */
  embedder: string;
  /** The embedder of "dense only" (null when it is not the engine's, e.g. with an embedding endpoint). */
  denseEmbedder: string | null;
  sets: SetMeasurement[];
  startSeconds: number;
  /** memory.add calls repeated after mem0 was briefly unavailable. */
  storeRetries: number;
}

async function denseEmbedderFor(engine: string | undefined, log: (l: string) => void) {
  if (!engine || Object.keys(embeddingEnv()).length > 0) {
    log("dense only: skipped (the engine embeds through a configured endpoint, not the offline default)");
    return null;
  }
  const embedder = await loadDefaultEmbedder();
  if (!engine.startsWith(`${embedder.id} `)) {
    log(`dense only: skipped (default embedder ${embedder.id} is not the engine's ${engine})`);
    await embedder.close?.();
    return null;
  }
  return embedder;
}

export async function measure(
  sets: readonly EvalSet[],
  variants: readonly RecallVariant[],
  log: (line: string) => void = console.log,
): Promise<Measurement> {
  const t0 = performance.now();
  const bench = await startBenchStack();
  let dense: DenseEmbedder | null = null;
  try {
    const engine = bench.stack.embedded?.embedder;
    dense = await denseEmbedderFor(engine, log);
    const startSeconds = (performance.now() - t0) / 1000;
    log(`stack started in ${startSeconds.toFixed(1)} s; engine embedder: ${engine ?? "remote mem0"}`);
    const out: SetMeasurement[] = [];
    for (const set of sets) {
      const s0 = performance.now();
      const recallArms = variants.flatMap((v) => {
        const client = (userId: string) => bench.clientFor(userId, v.config);
        const budget = (v.config ?? DEFAULT_CONFIG).recall.timeBudgetMs;
        return [
          createRecallArm(tenAskedArm(v.label), client, TEN_ASKED, budget),
          createRecallArm(asConfiguredArm(v), client, AS_CONFIGURED, budget),
        ];
      });
      const bm25 = createBm25Arm();
      const arms: Arm[] = [...recallArms, ...(dense ? [createDenseArm(dense)] : []), bm25, createLegacyArm()];
      const { results, timings } = await runEvalSet(
        set,
        (userId, memories) => bench.store(userId, memories),
        arms,
        { log },
      );
      out.push({
        set: set.name,
        split: set.split,
        personas: set.personas,
        memories: countMemories(set),
        queries: countQueries(set),
        notes: set.notes,
        arms: Object.fromEntries([...results].map(([name, r]) => [name, figuresOf(r)])),
        recallCalls: Object.fromEntries(recallArms.map((a) => [a.name, a.calls])),
        bm25TooFew: bm25.tooFew,
        timings,
        seconds: (performance.now() - s0) / 1000,
      });
      // Printed as soon as the set is done: a long run that fails later still leaves these figures.
      const done = out[out.length - 1] as SetMeasurement;
      log(
        `\n${renderFigures(`${done.set}, ${done.split} half (${done.personas.join(", ")})`, done.arms, BM25_ARM)}\n`,
      );
    }
    return {
      embedder: engine ?? "remote mem0",
      denseEmbedder: dense?.id ?? null,
      sets: out,
      startSeconds,
      storeRetries: bench.storeRetries,
    };
  } finally {
    await dense?.close?.();
    await bench.close();
  }
}
