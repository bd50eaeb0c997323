import type { MemoryClient, RecallInput } from "@automatos/memory";
import { EVAL_KEY } from "../run/memory-stack.js";
import type { Arm } from "./types.js";

export interface RecallCalls {
  total: number;
  degraded: number;
  /** Turns the gate skipped (no search). */
  skipped: number;
  /** Calls whose search took longer than the configured time budget would have allowed. */
  overBudget: number;
  tokens: number;
}

/**
 * `memory.recall` through the typed in-process client, with `input` (maxMemories, tokenBudget, timeBudgetMs
 * overrides). The time budget is raised by the callers so that machine load shows as latency, not as empty
 * answers; `overBudget` counts the calls that `budgetMs` (the configured budget) would have cut.
 */
export function createRecallArm(
  name: string,
  clientFor: (userId: string) => MemoryClient,
  input: Partial<Omit<RecallInput, "query">>,
  budgetMs: number,
): Arm & { calls: RecallCalls } {
  const calls: RecallCalls = { total: 0, degraded: 0, skipped: 0, overBudget: 0, tokens: 0 };
  return {
    name,
    calls,
    ask: async (userId, query) => {
      const out = await clientFor(userId).memory.recall.query({ query: query.text, ...input });
      calls.total++;
      if (out.degraded) calls.degraded++;
      if (out.skipped) calls.skipped++;
      if (out.timings.searchMs > budgetMs) calls.overBudget++;
      calls.tokens += out.tokens.used;
      return {
        keys: out.memories.map((m) => {
          const key = m.metadata?.[EVAL_KEY];
          return typeof key === "string" ? key : `mem0:${m.id}`;
        }),
      };
    },
  };
}
