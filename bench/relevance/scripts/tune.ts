/**
 * Dev-only tuning: the P10 measurement on the DEV halves (personas sorted by name, first half) with one or
 * more recall config overrides, each measured over the same stored memories (one load per run). Prints the
 * tables and writes results/dev-tuning.json; never the bench results file. Refuses the test half: figures
 * reported by P10 must come from data no one tuned on.
 *   pnpm --filter @automatos/relevance tune -- --split dev [--set realmembench|inhouse|both] \
 *     [--config '{"recall":{"floor":{"strongScore":0.2}}}' ...]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { round } from "@automatos/bench";
import { credit } from "../src/realmembench/source.js";
import { parseConfigOverride } from "../src/run/config-override.js";
import { measure, type RecallVariant, TEN_ASKED } from "../src/run/measure.js";
import { loadSets, type SetChoice } from "../src/run/sets.js";

const OUT = fileURLToPath(new URL("../results/dev-tuning.json", import.meta.url));
const SETS: readonly SetChoice[] = ["realmembench", "inhouse", "both"];

function fail(message: string): never {
  console.error(`tune: ${message}`);
  process.exit(2);
}

// pnpm passes the "--" separator through; parseArgs would read everything after it as positionals.
const argv = process.argv.slice(2).filter((a, i) => !(i === 0 && a === "--"));
let args: { split?: string; set?: string; config?: string[] };
try {
  ({ values: args } = parseArgs({
    args: argv,
    options: {
      split: { type: "string" },
      set: { type: "string", default: "both" },
      config: { type: "string", multiple: true },
    },
  }));
} catch (e) {
  fail((e as Error).message);
}
if (args.split === "test")
  fail("--split test is refused: the test halves are for reporting (pnpm bench) only; tune on --split dev");
if (args.split !== "dev") fail(`--split must be "dev", got ${args.split ?? "nothing"}`);
const choice = args.set as SetChoice;
if (!SETS.includes(choice)) fail(`--set must be one of ${SETS.join(", ")}, got ${args.set}`);

let variants: RecallVariant[];
let loaded: ReturnType<typeof loadSets>;
try {
  variants = [
    { label: "memory.recall" },
    ...(args.config ?? []).map((json, i) => ({
      label: `config #${i + 1}`,
      config: parseConfigOverride(json, `--config #${i + 1}`),
    })),
  ];
  loaded = loadSets("dev", choice);
} catch (e) {
  fail((e as Error).message);
}
for (const message of Object.values(loaded.skipped)) console.warn(`tune: ${message}`);
if (loaded.sets.length === 0) fail("no set to measure");

const started = performance.now();
let result: Awaited<ReturnType<typeof measure>>;
try {
  result = await measure(loaded.sets, variants, (line) => console.log(`tune: ${line}`));
} catch (e) {
  const cause = (e as { cause?: { cause?: Error } }).cause?.cause;
  fail(`run failed: ${(e as Error).message}${cause ? ` (${cause.message})` : ""}`);
}
for (const [i, json] of (args.config ?? []).entries()) console.log(`config #${i + 1}: ${json}`);

mkdirSync(fileURLToPath(new URL("../results/", import.meta.url)), { recursive: true });
writeFileSync(
  OUT,
  `${JSON.stringify(
    {
      measuredAt: new Date().toISOString(),
      split: "dev",
      sets: choice,
      skipped: loaded.skipped,
      credit: loaded.sets.some((s) => s.name === "realmembench") ? credit() : undefined,
      embedder: result.embedder,
      denseEmbedder: result.denseEmbedder,
      storeRetries: result.storeRetries,
      recallInput: { tenAsked: TEN_ASKED },
      configs: Object.fromEntries(
        (args.config ?? []).map((json, i) => [`config #${i + 1}`, JSON.parse(json)]),
      ),
      results: result.sets.map((s) => ({
        set: s.set,
        personas: s.personas,
        memories: s.memories,
        queries: s.queries,
        notes: s.notes,
        bm25QueriesWithTooFewMemories: s.bm25TooFew,
        recallCalls: s.recallCalls,
        arms: s.arms,
        seconds: round(s.seconds, 1),
      })),
      runSeconds: round((performance.now() - started) / 1000, 1),
    },
    null,
    2,
  )}\n`,
);
console.log(`\ntune: wrote ${OUT}`);
