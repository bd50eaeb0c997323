/**
 * memory.recall: the chat turn's memory step. Pipeline (each step a small pure module in src/recall):
 * gate -> one search over the readable scopes (time-budgeted) -> exact scope check -> relevance floor ->
 * near-duplicate removal (newest wins) -> cap -> token budget -> fenced context block.
 *
 * It never throws for mem0's sake: a timeout or a mem0 failure gives an empty, `degraded` result so the chat
 * turn goes on. Only programming errors and policy refusals (asked for a scope the app may not read) throw.
 */
import { performance } from "node:perf_hooks";
import type { Scope } from "@automatos/memory-policy";
import { isMem0ErrorLike } from "../errors.js";
import { buildContextBlock } from "../recall/context-block.js";
import { removeNearDuplicates } from "../recall/dedup.js";
import { createNonce } from "../recall/fence.js";
import { applyRelevanceFloor } from "../recall/floor.js";
import { gateTurn } from "../recall/gate.js";
import { withTimeBudget } from "../recall/time-budget.js";
import { countTokens } from "../recall/tokens.js";
import type { RecallInput } from "../schemas/inputs.js";
import type { RecallOutput } from "../schemas/outputs.js";
import { toScoredView } from "./classify.js";
import type { ServiceDeps } from "./deps.js";
import { planSearch, runSearch, type ScopedHit } from "./search.js";

type DegradedReason = NonNullable<RecallOutput["degradedReason"]>;

function degradedReason(error: unknown): DegradedReason {
  if (!isMem0ErrorLike(error)) return "internal-error";
  if (error.kind === "timeout") return "timeout";
  if (error.kind === "aborted") return "aborted";
  if (error.kind === "unavailable" || error.kind === "circuit_open") return "mem0-unavailable";
  return "mem0-error";
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export async function recall(
  deps: ServiceDeps,
  scopes: readonly Scope[],
  input: RecallInput,
  signal?: AbortSignal,
): Promise<RecallOutput> {
  const cfg = deps.config.recall;
  const tokenBudget = input.tokenBudget ?? cfg.tokenBudget;
  const t0 = performance.now();
  const empty = (fields: Partial<RecallOutput>): RecallOutput => ({
    context: "",
    memories: [],
    skipped: null,
    degraded: false,
    degradedReason: null,
    searches: 0,
    dropped: { outOfScope: 0, belowFloor: 0, duplicate: 0, superseded: 0, overLimit: 0, overBudget: 0 },
    tokens: { used: 0, budget: tokenBudget },
    timings: { gateMs: 0, searchMs: 0, postProcessMs: 0, totalMs: 0 },
    ...fields,
  });

  const gate = gateTurn(input.query, cfg.gate);
  const gateMs = performance.now() - t0;
  if (!gate.recall) {
    deps.logger.info({ event: "recall", skipped: gate.reason, searches: 0 }, "recall skipped by the gate");
    const ms = round(gateMs);
    return empty({
      skipped: gate.reason,
      timings: { gateMs: ms, searchMs: 0, postProcessMs: 0, totalMs: ms },
    });
  }

  // Planned before the budget starts: a refused client filter is the caller's error, not a degraded turn.
  const plan = planSearch(scopes, input.filters);
  const budgetMs = input.timeBudgetMs ?? cfg.timeBudgetMs;
  const t1 = performance.now();
  const found = await withTimeBudget(
    budgetMs,
    (s) =>
      runSearch(
        deps,
        plan,
        { query: input.query, topK: cfg.searchTopK, threshold: cfg.searchThreshold },
        { signal: s, timeoutMs: budgetMs },
      ),
    signal,
  );
  const searchMs = performance.now() - t1;
  if (!found.ok) {
    const reason: DegradedReason = found.reason === "error" ? degradedReason(found.error) : found.reason;
    // An unexpected error is a bug on our side: louder than mem0 being slow or down, still not fatal.
    const failure = found.reason === "error" ? (found.error as Error | undefined)?.name : undefined;
    deps.logger[reason === "internal-error" ? "error" : "warn"](
      { event: "recall", degraded: reason, error: failure, searchMs: round(searchMs), budgetMs },
      "recall degraded: continuing without memories",
    );
    return empty({
      degraded: true,
      degradedReason: reason,
      searches: plan.filters.length,
      timings: {
        gateMs: round(gateMs),
        searchMs: round(searchMs),
        postProcessMs: 0,
        totalMs: round(performance.now() - t0),
      },
    });
  }

  const t2 = performance.now();
  const candidates = found.value.hits.map((h: ScopedHit) => toScoredView(h.memory, h.scope, h.score));
  const floored = applyRelevanceFloor(candidates, input.query, cfg.floor);
  const deduped = removeNearDuplicates(floored.kept, cfg.dedup);
  const maxMemories = input.maxMemories ?? cfg.maxMemories;
  const capped = deduped.kept.slice(0, maxMemories);
  const block = buildContextBlock(capped, { tokenBudget, nonce: createNonce() });
  const postProcessMs = performance.now() - t2;

  const result: RecallOutput = {
    context: block.context,
    memories: block.used.map((m) => ({ ...m, tokens: countTokens(m.text) })),
    skipped: null,
    degraded: false,
    degradedReason: null,
    searches: found.value.searches,
    dropped: {
      outOfScope: found.value.outOfScope,
      belowFloor: floored.dropped.length,
      duplicate: deduped.dropped.filter((d) => d.reason === "duplicate").length,
      superseded: deduped.dropped.filter((d) => d.reason === "superseded").length,
      overLimit: deduped.kept.length - capped.length,
      overBudget: block.overBudget.length,
    },
    tokens: { used: block.tokens, budget: tokenBudget },
    timings: {
      gateMs: round(gateMs),
      searchMs: round(searchMs),
      postProcessMs: round(postProcessMs),
      totalMs: round(performance.now() - t0),
    },
  };
  deps.logger.info(
    {
      event: "recall",
      searches: result.searches,
      used: result.memories.length,
      dropped: result.dropped,
      timings: result.timings,
    },
    "recall done",
  );
  return result;
}
