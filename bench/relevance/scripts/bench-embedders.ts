/**
 * Embedding cost per text (the embedder runs once per remember and once per recall), side by side, over the
 * relevance set's turns; plus the one-off cost of building the IDF table. Writes results/embedder-speed.json.
 *   pnpm --filter @automatos/relevance bench:embedders
 */
import { fileURLToPath } from "node:url";
import { measureSideBySide, round, writeResult } from "@automatos/bench";
import { loadWordIdf } from "@automatos/mem0-embedded/embedder";
import { loadDataset } from "../src/dataset/load-dataset.js";
import { EMBEDDER_VARIANTS } from "../src/experiments/variants.js";

const FILE = fileURLToPath(new URL("../results/embedder-speed.json", import.meta.url));
const started = performance.now();
loadWordIdf();
const idfLoadMs = performance.now() - started;

const texts = loadDataset().turns.map((t) => t.text);
const names = [
  "baseline-hash-256",
  "local-hash-v1-512",
  "idf-1024",
  "lexicon-512",
  "lexicon-1024 (recommended)",
];
const variants = Object.fromEntries(
  names.map((name) => {
    const embedder = EMBEDDER_VARIANTS[name]!();
    return [name, async (i: number) => embedder.embed(texts[i % texts.length]!)];
  }),
);
const summaries = await measureSideBySide(variants, { warmup: 500, iterations: 3_000 });
for (const [name, s] of Object.entries(summaries)) {
  console.log(`${name.padEnd(28)} p50 ${(s.p50 * 1000).toFixed(0)} µs  p95 ${(s.p95 * 1000).toFixed(0)} µs`);
}
const recommended = summaries["lexicon-1024 (recommended)"]!;
writeResult(
  "P10-embed-speed",
  {
    value: round(recommended.p95, 4),
    unit: "ms per text (p95)",
    bar: "informative: the embedder's share of P5's 200 ms recall budget",
    pass: recommended.p95 < 5,
    details: { idfTableBuildMs: round(idfLoadMs, 1), perVariant: summaries, texts: texts.length },
  },
  FILE,
);
