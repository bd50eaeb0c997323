/**
 * P10 (targets.md): relevance of `memory.recall` on the embedded default, side by side with BM25 over the
 * same turns and the legacy behaviour (the 10 most recent memories), in one run:
 *   1. a fresh memory stack (embedded mem0, default config and embedder) in os.tmpdir();
 *   2. the 3,060 turns stored one memory per turn through the typed in-process client (`memory.add`);
 *   3. each of the 380 questions asked through `memory.recall` as the user who asked it;
 *   4. evidence recall@5/@10 and hit-rate@5/@10 per retriever and per category; recall latency p50/p95.
 * `memory.recall` places at most `maxMemories` (default DEFAULT_CONFIG.recall.maxMemories, 8) within
 * `tokenBudget` (600) tokens: both are inputs of recall, so this measurement asks for 10 memories and a
 * budget that fits 10 turns (RECALL_INPUT); the defaults are measured too, as a separate line. The time
 * budget is raised so that machine load shows up as latency, not as empty (degraded) answers; how many calls
 * the default 150 ms budget would have cut is reported.
 * With EMBEDDING_BASE_URL/EMBEDDING_MODEL/EMBEDDING_DIMENSIONS (+ EMBEDDING_API_KEY) set, the embedded mem0
 * uses that endpoint instead of the offline embedder; nothing else changes (README).
 *   pnpm --filter @automatos/relevance bench
 */

import { round, summarize, writeResult } from "@automatos/bench";
import { DEFAULT_CONFIG, type RecallInput } from "@automatos/memory";
import { createBm25Retriever } from "../src/baselines/bm25-retriever.js";
import { createRecentRetriever } from "../src/baselines/recent-retriever.js";
import { loadDataset } from "../src/dataset/load-dataset.js";
import { turnIdOf } from "../src/dataset/memories.js";
import type { Dataset } from "../src/dataset/types.js";
import { embeddingEnv } from "../src/env.js";
import { evaluateRetrieval, type RelevanceReport, type Retriever } from "../src/evaluate.js";
import { type BenchStack, loadTurns, startBenchStack } from "./memory-stack.js";

const RECALL_INPUT = { maxMemories: 10, tokenBudget: 8_000, timeBudgetMs: 5_000 } as const;

const figures = (r: RelevanceReport) => ({
  recallAt5: round(r.overall.recall[5] ?? 0, 3),
  recallAt10: round(r.overall.recall[10] ?? 0, 3),
  hitAt5: round(r.overall.hit[5] ?? 0, 3),
  hitAt10: round(r.overall.hit[10] ?? 0, 3),
  recallAt10ByCategory: Object.fromEntries(
    Object.entries(r.byCategory).map(([c, s]) => [c, round(s.recall[10] ?? 0, 3)]),
  ),
  hitAt10ByCategory: Object.fromEntries(
    Object.entries(r.byCategory).map(([c, s]) => [c, round(s.hit[10] ?? 0, 3)]),
  ),
});

type Calls = { total: number; degraded: number; overDefaultBudget: number; memories: number; tokens: number };

const recallWith =
  (bench: BenchStack, input: Partial<Omit<RecallInput, "query">>, calls?: Calls): Retriever =>
  async (userId, question) => {
    const out = await bench.clientFor(userId).memory.recall.query({ query: question, ...input });
    if (calls) {
      calls.total++;
      if (out.degraded) calls.degraded++;
      if (out.timings.searchMs > DEFAULT_CONFIG.recall.timeBudgetMs) calls.overDefaultBudget++;
      calls.memories += out.memories.length;
      calls.tokens += out.tokens.used;
    }
    return out.memories.map((m) => turnIdOf(m.metadata) ?? m.id);
  };

async function recallWithoutLexicon(dataset: Dataset): Promise<RelevanceReport> {
  const bench = await startBenchStack({ lexicon: false });
  try {
    await loadTurns(bench, dataset);
    return await evaluateRetrieval(recallWith(bench, RECALL_INPUT), { dataset });
  } finally {
    await bench.close();
  }
}

const started = performance.now();
const dataset = loadDataset();
const bench = await startBenchStack();
try {
  const embedder = bench.stack.embedded?.embedder ?? "remote mem0";
  const t0 = performance.now();
  const added = await loadTurns(bench, dataset);
  const loadMs = performance.now() - t0;
  console.log(`P10: ${added} turns added through memory.add in ${round(loadMs / 1000, 1)} s (${embedder})`);

  const calls = { total: 0, degraded: 0, overDefaultBudget: 0, memories: 0, tokens: 0 };
  const recall = await evaluateRetrieval(recallWith(bench, RECALL_INPUT, calls), { dataset });
  const recallDefaults = await evaluateRetrieval(
    recallWith(bench, { timeBudgetMs: RECALL_INPUT.timeBudgetMs }),
    { dataset },
  );
  const bm25 = await evaluateRetrieval(createBm25Retriever(dataset), { dataset });
  const legacy = await evaluateRetrieval(createRecentRetriever(dataset), { dataset });
  // The caveat: the concept lexicon and the questions have one author. Same pipeline, offline embedder without
  // its lexicon (not with an embedding endpoint configured: there is no lexicon then).
  const noLexicon = Object.keys(embeddingEnv()).length === 0 ? await recallWithoutLexicon(dataset) : null;
  if (calls.degraded > 0)
    throw new Error(`P10: ${calls.degraded} recalls degraded; the figures would be load`);

  const latency = summarize(recall.latenciesMs);
  const subject = figures(recall);
  const baseline = figures(bm25);
  const ratio = round(subject.recallAt10 / baseline.recallAt10, 3);
  const table = {
    "memory.recall": subject,
    "memory.recall (defaults: 8 memories, 600 tokens)": figures(recallDefaults),
    bm25: baseline,
    "legacy (10 most recent)": figures(legacy),
    ...(noLexicon ? { "memory.recall, embedder without its concept lexicon": figures(noLexicon) } : {}),
  };
  console.table(
    Object.fromEntries(
      Object.entries(table).map(([k, v]) => [k, { r5: v.recallAt5, r10: v.recallAt10, hit10: v.hitAt10 }]),
    ),
  );
  writeResult("P10", {
    value: ratio,
    unit: "x BM25 recall@10",
    bar: `recall@10 of memory.recall >= BM25 (${subject.recallAt10} vs ${baseline.recallAt10}); goal 1.2x`,
    pass: subject.recallAt10 >= baseline.recallAt10,
    details: {
      embedder,
      questions: dataset.questions.length,
      turns: added,
      recallInput: RECALL_INPUT,
      recallDefaults: {
        maxMemories: DEFAULT_CONFIG.recall.maxMemories,
        tokenBudget: DEFAULT_CONFIG.recall.tokenBudget,
        searchTopK: DEFAULT_CONFIG.recall.searchTopK,
      },
      ...table,
      recallLatencyMs: { p50: round(latency.p50, 1), p95: round(latency.p95, 1), p99: round(latency.p99, 1) },
      meanMemoriesPerRecall: round(calls.memories / calls.total, 2),
      meanContextTokens: round(calls.tokens / calls.total, 0),
      callsOverDefaultTimeBudget: calls.overDefaultBudget,
      loadSeconds: round(loadMs / 1000, 1),
      runSeconds: round((performance.now() - started) / 1000, 1),
    },
  });
  console.log(
    `P10: recall@10 ${subject.recallAt10} vs BM25 ${baseline.recallAt10} = ${ratio}x; p50/p95 ${round(latency.p50, 1)}/${round(latency.p95, 1)} ms`,
  );
} finally {
  await bench.close();
}
