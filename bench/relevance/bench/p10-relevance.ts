/**
 * P10: relevance of `memory.recall` on the embedded default, measured on the TEST halves of two sets (the
 * public RealMemBench and the in-house set; personas sorted by name, last half = test; tuning uses the dev
 * half only, `pnpm tune`), side by side with dense only (exact cosine, the engine's default embedder), BM25
 * over the same memories and the legacy behaviour (10 newest), from one run. Writes `P10` to
 * tooling/bench/results/latest.json. Value: RealMemBench recall@10 of memory.recall (10 asked) / BM25.
 * Pass: that >= 1.15, the in-house ratio >= 1.1, and off-topic memories per turn with the defaults on the
 * in-house test half <= 3 (and no degraded recall).
 *   pnpm --filter @automatos/relevance bench
 */
import { performance } from "node:perf_hooks";
import { round, writeResult } from "@automatos/bench";
import { embedEveryQuery } from "@automatos/mem0-embedded";
import { DEFAULT_CONFIG } from "@automatos/memory";
import { credit, REALMEMBENCH_SOURCE } from "../src/realmembench/source.js";
import {
  AS_CONFIGURED,
  asConfiguredArm,
  BM25_ARM,
  measure,
  type SetMeasurement,
  TEN_ASKED,
  tenAskedArm,
} from "../src/run/measure.js";
import { loadSets } from "../src/run/sets.js";

const BARS = { realmembench: 1.15, inhouse: 1.1, offTopicDefaultsInhouse: 3 } as const;
const SUBJECT = { label: "memory.recall" };
const TEN = tenAskedArm(SUBJECT.label);
const DEFAULTS = asConfiguredArm(SUBJECT);

const ratioOf = (m: SetMeasurement | undefined) => {
  const subject = m?.arms[TEN]?.recallAt10;
  const bm25 = m?.arms[BM25_ARM]?.recallAt10;
  return subject !== undefined && bm25 ? round(subject / bm25, 3) : null;
};

// Each question is asked once per arm: with the engine's text-vector cache on, every arm after the first
// would find the question's vector cached, and its latency column would leave out the query's embedding.
embedEveryQuery();
const started = performance.now();
let loaded: ReturnType<typeof loadSets>;
try {
  loaded = loadSets("test", "both");
} catch (e) {
  console.error(`P10: ${(e as Error).message}`);
  process.exit(1);
}
for (const message of Object.values(loaded.skipped)) console.warn(`P10: ${message}`);

let result: Awaited<ReturnType<typeof measure>>;
try {
  result = await measure(loaded.sets, [SUBJECT], (line) => console.log(`P10: ${line}`));
} catch (e) {
  // The run is long; say what stopped it in one line (the cause chain names mem0's failure).
  const cause = (e as { cause?: { cause?: Error } }).cause?.cause;
  console.error(`P10: run failed: ${(e as Error).message}${cause ? ` (${cause.message})` : ""}`);
  process.exit(1);
}
const rmb = result.sets.find((s) => s.set === "realmembench");
const inhouse = result.sets.find((s) => s.set === "inhouse");

const rmbRatio = ratioOf(rmb);
const inhouseRatio = ratioOf(inhouse);
const offTopic = inhouse?.arms[DEFAULTS]?.offTopicPerTurn ?? null;
const degraded = result.sets.reduce(
  (n, s) => n + Object.values(s.recallCalls).reduce((m, c) => m + c.degraded, 0),
  0,
);
const pass =
  rmbRatio !== null &&
  rmbRatio >= BARS.realmembench &&
  inhouseRatio !== null &&
  inhouseRatio >= BARS.inhouse &&
  offTopic !== null &&
  offTopic <= BARS.offTopicDefaultsInhouse &&
  degraded === 0;
const runSeconds = round((performance.now() - started) / 1000, 1);

writeResult("P10", {
  value: rmbRatio ?? inhouseRatio ?? 0,
  unit:
    rmbRatio !== null
      ? "x BM25 recall@10 (RealMemBench test half, memory.recall 10 asked)"
      : "x BM25 recall@10 (in-house test half; RealMemBench absent)",
  bar:
    `RealMemBench test recall@10 (10 asked) / BM25 >= ${BARS.realmembench} (${rmbRatio ?? "not measured"}) AND ` +
    `in-house test >= ${BARS.inhouse} (${inhouseRatio}) AND off-topic per turn with the defaults on the ` +
    `in-house test half <= ${BARS.offTopicDefaultsInhouse} (${offTopic}); no degraded recall (${degraded})`,
  pass,
  details: {
    dataset: rmb
      ? { ...REALMEMBENCH_SOURCE, credit: credit() }
      : { skipped: loaded.skipped.realmembench ?? "not loaded" },
    split: "test (personas sorted by name, last half); tuned on dev only",
    embedder: result.embedder,
    denseEmbedder: result.denseEmbedder,
    ratios: { realmembench: rmbRatio, inhouse: inhouseRatio },
    offTopicPerTurnDefaultsInhouse: offTopic,
    degradedRecalls: degraded,
    storeRetries: result.storeRetries,
    recallInput: { tenAsked: TEN_ASKED, defaults: AS_CONFIGURED },
    recallDefaults: {
      maxMemories: DEFAULT_CONFIG.recall.maxMemories,
      tokenBudget: DEFAULT_CONFIG.recall.tokenBudget,
      searchTopK: DEFAULT_CONFIG.recall.searchTopK,
      timeBudgetMs: DEFAULT_CONFIG.recall.timeBudgetMs,
    },
    sets: Object.fromEntries(
      result.sets.map((s) => [
        s.set,
        {
          personas: s.personas,
          memories: s.memories,
          queries: s.queries,
          notes: s.notes,
          bm25QueriesWithTooFewMemories: s.bm25TooFew,
          // calls whose search took longer than the default time budget would have allowed (it was raised)
          recallCalls: s.recallCalls,
          arms: s.arms,
          seconds: round(s.seconds, 1),
        },
      ]),
    ),
    startSeconds: round(result.startSeconds, 1),
    runSeconds,
  },
});
console.log(
  `\nP10: RealMemBench ${rmbRatio ?? "-"}x BM25 (bar ${BARS.realmembench}), in-house ${inhouseRatio}x (bar ${BARS.inhouse}), ` +
    `off-topic/turn with defaults (in-house) ${offTopic} (bar <= ${BARS.offTopicDefaultsInhouse}): ${pass ? "pass" : "fail"} in ${runSeconds} s`,
);
