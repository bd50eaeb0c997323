/**
 * Measures the relevance set through mem0's own engine for each embedder variant, store and fetch size,
 * side by side with BM25 and the legacy most-recent baseline. Appends to results/experiments.json.
 *   pnpm --filter @automatos/relevance relevance:eval -- --stores memory,pgvector --fetch 10,50 --variants idf-1024
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createBm25Retriever } from "../src/baselines/bm25-retriever.js";
import { createRecentRetriever } from "../src/baselines/recent-retriever.js";
import { loadDataset } from "../src/dataset/load-dataset.js";
import { createCosineRetriever } from "../src/embedders/cosine-retriever.js";
import { evaluateRetrieval, type RelevanceReport, type Retriever } from "../src/evaluate.js";
import { EMBEDDER_VARIANTS } from "../src/experiments/variants.js";
import { createMem0Retriever } from "../src/mem0/mem0-retriever.js";
import type { StoreKind } from "../src/mem0/mem0-store.js";

const argv = process.argv.slice(2);
const { values } = parseArgs({
  // `pnpm run relevance:eval -- --flag` may hand the script a literal "--" first.
  args: argv[0] === "--" ? argv.slice(1) : argv,
  options: {
    variants: { type: "string", default: Object.keys(EMBEDDER_VARIANTS).join(",") },
    stores: { type: "string", default: "memory" },
    fetch: { type: "string", default: "10" },
    threshold: { type: "string" },
  },
});
const RESULTS = fileURLToPath(new URL("../results/experiments.json", import.meta.url));
const dataset = loadDataset();
type Row = {
  name: string;
  store: string;
  fetchK: number | null;
  threshold: number | null;
  recall5: number;
  recall10: number;
  hit5: number;
  hit10: number;
  byCategoryRecall10: Record<string, number>;
  p50Ms: number;
  p95Ms: number;
};
const rows: Row[] = [];

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
const r3 = (x: number) => Math.round(x * 1000) / 1000;
function record(
  name: string,
  store: string,
  fetchK: number | null,
  threshold: number | null,
  rep: RelevanceReport,
): void {
  const row: Row = {
    name,
    store,
    fetchK,
    threshold,
    recall5: r3(rep.overall.recall[5]!),
    recall10: r3(rep.overall.recall[10]!),
    hit5: r3(rep.overall.hit[5]!),
    hit10: r3(rep.overall.hit[10]!),
    byCategoryRecall10: Object.fromEntries(
      Object.entries(rep.byCategory).map(([c, s]) => [c, r3(s.recall[10]!)]),
    ),
    p50Ms: r3(pct(rep.latenciesMs, 50)),
    p95Ms: r3(pct(rep.latenciesMs, 95)),
  };
  rows.push(row);
  const cats = Object.entries(row.byCategoryRecall10)
    .map(([c, v]) => `${c}=${v}`)
    .join(" ");
  console.log(
    `${name.padEnd(22)} ${store.padEnd(9)} fetch=${String(fetchK ?? "-").padEnd(4)} R@5=${row.recall5} R@10=${row.recall10} H@10=${row.hit10} p50=${row.p50Ms.toFixed(1)}ms ${cats}`,
  );
}

const run = async (retrieve: Retriever) => evaluateRetrieval(retrieve, { dataset });
record("bm25", "-", null, null, await run(createBm25Retriever(dataset)));
record("legacy-recent-10", "-", null, null, await run(createRecentRetriever(dataset)));
const threshold = values.threshold === undefined ? undefined : Number(values.threshold);
for (const name of values.variants.split(",")) {
  const make = EMBEDDER_VARIANTS[name];
  if (!make) throw new Error(`--variants: unknown variant ${name}`);
  record(name, "cosine", null, null, await run(createCosineRetriever(dataset, make())));
  for (const store of values.stores.split(",") as StoreKind[]) {
    for (const fetchK of values.fetch.split(",").map(Number)) {
      const mem0 = await createMem0Retriever({
        dataset,
        embedder: make(),
        store,
        fetchK,
        ...(threshold === undefined ? {} : { threshold }),
      });
      try {
        record(name, store, fetchK, threshold ?? null, await run(mem0.retrieve));
      } finally {
        await mem0.close();
      }
    }
  }
}
let previous: { runs: unknown[] } = { runs: [] };
try {
  previous = JSON.parse(readFileSync(RESULTS, "utf8"));
} catch {}
previous.runs.push({ at: new Date().toISOString(), questions: dataset.questions.length, rows });
writeFileSync(RESULTS, `${JSON.stringify(previous, null, 2)}\n`);
