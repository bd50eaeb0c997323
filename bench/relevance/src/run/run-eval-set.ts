import { performance } from "node:perf_hooks";
import pLimit from "p-limit";
import type { Arm } from "../arms/types.js";
import type { EvalMemory, EvalSet, EvalTenant } from "../eval-set/types.js";
import type { QuestionResult } from "../evaluate.js";

/** Stores one step's memories one at a time, in order: their timestamps follow the conversation. */
export type Store = (userId: string, memories: readonly EvalMemory[]) => Promise<void>;

export interface RunOptions {
  /** Tenants whose leading memories load at once (before their first query; nothing is being timed then). */
  loadConcurrency?: number;
  log?: (line: string) => void;
}

/** Where the time of a run went, in milliseconds: storing in mem0, and each arm's add and ask. */
export interface RunTimings {
  storeMs: number;
  addMs: Record<string, number>;
  askMs: Record<string, number>;
}

export interface RunResult {
  results: Map<string, QuestionResult[]>;
  timings: RunTimings;
}

/**
 * Runs one set through every arm in one pass: per tenant, its steps in order (store, then ask each query of
 * the next step through every arm, one call at a time so latencies are per call). A tenant's memories stored
 * before its first query load in parallel across tenants; after that tenants run one by one, so no load is
 * running while a recall is timed. Within a tenant every memory goes in one at a time, in the set's order: the
 * engine's recency prior and recall's "newest wins" read their timestamps, and storing a step's memories
 * several at a time let the order of concurrent adds move P10 by up to 0.01 between runs of the same code.
 */
export async function runEvalSet(
  set: EvalSet,
  store: Store,
  arms: readonly Arm[],
  options: RunOptions = {},
): Promise<RunResult> {
  const results = new Map<string, QuestionResult[]>(arms.map((a) => [a.name, []]));
  const timings: RunTimings = {
    storeMs: 0,
    addMs: Object.fromEntries(arms.map((a) => [a.name, 0])),
    askMs: Object.fromEntries(arms.map((a) => [a.name, 0])),
  };
  const addStep = async (userId: string, memories: readonly EvalMemory[]) => {
    let t = performance.now();
    await store(userId, memories);
    timings.storeMs += performance.now() - t;
    for (const arm of arms) {
      t = performance.now();
      await arm.add?.(userId, memories);
      timings.addMs[arm.name] = (timings.addMs[arm.name] ?? 0) + performance.now() - t;
    }
  };
  const log = options.log ?? (() => {});
  const firstAsk = (t: EvalTenant) => {
    const i = t.steps.findIndex((s) => s.kind === "ask");
    return i < 0 ? t.steps.length : i;
  };
  const started = performance.now();
  const limit = pLimit(options.loadConcurrency ?? 4);
  await Promise.all(
    set.tenants.map((t) =>
      limit(async () => {
        for (const step of t.steps.slice(0, firstAsk(t)))
          if (step.kind === "add") await addStep(t.userId, step.memories);
      }),
    ),
  );
  log(
    `${set.name}/${set.split}: leading memories stored in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  for (const t of set.tenants) {
    const t0 = performance.now();
    let asked = 0;
    for (const step of t.steps.slice(firstAsk(t))) {
      if (step.kind === "add") {
        await addStep(t.userId, step.memories);
        continue;
      }
      for (const q of step.queries) {
        asked++;
        for (const arm of arms) {
          const a0 = performance.now();
          const answer = await arm.ask(t.userId, q);
          timings.askMs[arm.name] = (timings.askMs[arm.name] ?? 0) + performance.now() - a0;
          results.get(arm.name)?.push({
            id: q.id,
            userId: t.userId,
            category: q.category,
            retrieved: answer.keys,
            evidence: q.evidence,
            latencyMs: performance.now() - a0,
          });
        }
      }
    }
    const askSeconds = Object.entries(timings.askMs).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`);
    log(
      `${set.name}/${set.split}: ${t.userId}: ${asked} queries in ${((performance.now() - t0) / 1000).toFixed(1)} s ` +
        `(so far, s: store ${(timings.storeMs / 1000).toFixed(1)}; ask ${askSeconds.join(", ")})`,
    );
  }
  return { results, timings };
}
