/**
 * P5: memory.recall end to end on the embedded mem0, for a tenant holding 10k memories among 100k in total.
 * The path measured is the one an app runs: createMemoryClient (in process) -> router -> policy -> gate ->
 * mem0-client -> REST -> embedded mem0 (child process) -> mem0ai/oss hybrid search on pgvector/PGlite ->
 * floor, dedup, token budget, fence. Data: see p5-dataset.ts.
 *
 * The recall time budget is raised for the measurement so every call runs the full pipeline (a degraded
 * call would be fast and flatter the figure); the share a default 150 ms budget would degrade is reported.
 * Bar (docs/targets.md): p95 <= 60 ms including the query embedding (goal 30 ms; was 200 ms before issue 16).
 * Every call embeds its query: the engine's text-vector cache is off (`embedEveryQuery` of @automatos/mem0-embedded).
 */
import { loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { measureLatency, round, summarize, writeResult } from "@automatos/bench";
import { embedEveryQuery } from "@automatos/mem0-embedded";
import { queryText, rng } from "../../mem0-embedded/bench/synthetic-corpus.js";
import { createMemoryClient } from "../src/client/create-memory-client.js";
import { startLocalStack } from "../src/testing/local-stack.js";
import { ensureP5Dataset, P5_DATASET } from "./p5-dataset.js";

const WARMUP = 30;
const ITERATIONS = 300;
const principal = { app: "chatbot", workspaceId: "bench", userId: "main" } as const;
const DATA_ROOT = join(fileURLToPath(new URL("..", import.meta.url)), ".data", "bench-p5");

export async function runP5(): Promise<void> {
  const started = performance.now();
  const data = await ensureP5Dataset(DATA_ROOT);
  embedEveryQuery();
  console.log(
    `P5: dataset ${data.reused ? "reused" : "loaded"} (insert ${data.insertMs} ms, index ${data.indexMs} ms)`,
  );
  // The budget is raised so every measured call runs the whole pipeline (see the header).
  const stack = await startLocalStack(data.mem0Dir, { config: { recall: { timeBudgetMs: 5_000 } } });
  try {
    const client = createMemoryClient({
      source: "chatbot",
      inProcess: { router: stack.router, createContext: () => stack.createContext(principal) },
    });
    const queries = rng(7);
    const stats = { calls: 0, degraded: 0, skipped: 0, used: 0, searches: 0, overDefaultBudget: 0 };
    const searchMs: number[] = [];
    const degradedReasons: string[] = [];
    let call = 0;
    const latency = await measureLatency(
      async () => {
        const out = await client.memory.recall.query({ query: queryText(queries) });
        // Warm-up calls (cold caches) are not part of the figures, as in measureLatency.
        if (++call <= WARMUP) return;
        stats.calls++;
        if (out.degraded) {
          stats.degraded++;
          degradedReasons.push(`${out.degradedReason} after ${out.timings.searchMs} ms`);
        }
        if (out.skipped) stats.skipped++;
        stats.used += out.memories.length;
        stats.searches += out.searches;
        searchMs.push(out.timings.searchMs);
        if (out.timings.searchMs > 150) stats.overDefaultBudget++;
      },
      { warmup: WARMUP, iterations: ITERATIONS },
    );
    if (stats.degraded > 0)
      throw new Error(
        `P5: ${stats.degraded} recalls degraded (${degradedReasons.join(", ")}); the figure would not be end to end`,
      );
    const search = summarize(searchMs);
    writeResult("P5", {
      value: latency.p95,
      unit: "ms",
      bar: "p95 <= 60 ms (goal <= 30 ms)",
      pass: latency.p95 <= 60,
      details: {
        what: "memory.recall via the in-process client on the embedded mem0 (child process, pgvector on PGlite)",
        tenantMemories: P5_DATASET.tenantRows,
        totalMemories: P5_DATASET.totalRows,
        otherTenants: P5_DATASET.otherTenants,
        searchTopK: stack.config.recall.searchTopK,
        latency,
        // The mem0 part alone (recall's own searchMs timing): the rest is the router and the pipeline.
        mem0SearchMs: search,
        warmup: WARMUP,
        iterations: ITERATIONS,
        concurrency: 1,
        meanMemoriesUsed: round(stats.used / stats.calls, 2),
        searchesPerRecall: round(stats.searches / stats.calls, 2),
        skippedByGate: stats.skipped,
        shareOverDefault150msBudget: round(stats.overDefaultBudget / stats.calls, 3),
        datasetReused: data.reused,
        totalRunMs: round(performance.now() - started),
        loadAverage1m: round(loadavg()[0] ?? 0, 2),
      },
    });
    console.log(
      `P5 recall p50 ${latency.p50} ms, p95 ${latency.p95} ms; mem0 search p50 ${search.p50} p95 ${search.p95}`,
      JSON.stringify(stats),
    );
  } finally {
    await stack.close();
  }
}
