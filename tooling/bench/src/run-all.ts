/**
 * `pnpm bench`: runs every package's `bench` task one at a time (benchmarks on a 2-core machine must not
 * compete with each other), then prints the results file as a table. Exits non-zero if a benchmark task
 * failed or a figure misses its bar.
 */
import { spawnSync } from "node:child_process";
import { RESULTS_FILE, readResults, writeResults } from "./results.js";
import { renderTable } from "./table.js";

const only = process.argv.slice(2);
// A full run starts from an empty file so every figure in it comes from this one run.
if (only.length === 0) writeResults({});
const filters = only.flatMap((f) => ["--filter", f]);
const run = spawnSync("pnpm", ["exec", "turbo", "run", "bench", "--concurrency=1", ...filters], {
  stdio: "inherit",
});
const results = readResults();
console.log(`\nBenchmark results (${RESULTS_FILE}):\n`);
console.log(renderTable(results));
const failed = Object.entries(results)
  .filter(([, r]) => !r.pass)
  .map(([id]) => id);
if (run.status !== 0) {
  console.error(`\nA benchmark task failed (exit ${run.status}).`);
  process.exit(1);
}
if (failed.length > 0) {
  console.error(`\nBelow the bar: ${failed.join(", ")}`);
  process.exit(1);
}
