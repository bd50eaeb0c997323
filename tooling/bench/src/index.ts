export {
  type LatencyOptions,
  measureLatency,
  measureSideBySide,
  measureThroughput,
  type ThroughputResult,
} from "./measure.js";
export {
  type BenchResult,
  machineConditions,
  RESULTS_FILE,
  type ResultsFile,
  readResults,
  writeResult,
} from "./results.js";
export { percentile, round, type Summary, summarize } from "./stats.js";
export { renderTable } from "./table.js";
