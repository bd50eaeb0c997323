/**
 * `pnpm bench @automatos/memory` (from the repo root): P2, then P5. Results go to tooling/bench/results.
 * `tsx bench/run.ts p5` runs one of them.
 */
import { runP2 } from "./p2-in-process-overhead.js";
import { runP5 } from "./p5-recall-latency.js";

const only = process.argv.slice(2).map((a) => a.toLowerCase());
if (only.length === 0 || only.includes("p2")) await runP2();
if (only.length === 0 || only.includes("p5")) await runP5();
