import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { cpuDescription } from "./cpu-description.js";

/** One benchmark figure, in the form the issues and docs/targets.md require. */
export interface BenchResult {
  value: number;
  unit: string;
  /** The bar from docs/targets.md, written as a human-readable condition, e.g. "p50 <= 1 ms". */
  bar: string;
  pass: boolean;
  details: Record<string, unknown>;
}

export type ResultsFile = Record<string, BenchResult>;

export const RESULTS_FILE = join(dirname(fileURLToPath(import.meta.url)), "..", "results", "latest.json");

export function readResults(file = RESULTS_FILE): ResultsFile {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as ResultsFile;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw err;
  }
}

/**
 * The machine now: its CPU (cpu-description.ts), cores and 1- and 5-minute load averages (one decimal). `writeResult` stamps every figure
 * with it (`loadAtWrite`, the benchmark's own load included), so a result from a busy machine shows as one even
 * when its benchmark records nothing about the machine; benchmarks also read it before and after a load.
 */
export function machineConditions(): {
  cpu: string;
  cores: number;
  loadAverage1m: number;
  loadAverage5m: number;
} {
  const [one, five] = loadavg();
  return {
    cpu: cpuDescription(),
    cores: cpus().length,
    loadAverage1m: Math.round((one ?? 0) * 10) / 10,
    loadAverage5m: Math.round((five ?? 0) * 10) / 10,
  };
}

/**
 * Merges one result into the results file, stamped with when it was written and the machine's load then.
 * Benchmarks run one at a time (turbo --concurrency=1), so a read-modify-write is safe; the write goes
 * through a rename so a crash never leaves half a file.
 */
export function writeResult(id: string, result: BenchResult, file = RESULTS_FILE): void {
  if (!/^[A-Z][0-9]+[a-z0-9-]*$/.test(id))
    throw new Error(`benchmark id "${id}" must look like P1, P5 or P4-detail`);
  const all = readResults(file);
  all[id] = {
    ...result,
    details: { ...result.details, measuredAt: new Date().toISOString(), loadAtWrite: machineConditions() },
  };
  writeResults(all, file);
}

export function writeResults(all: ResultsFile, file = RESULTS_FILE): void {
  mkdirSync(dirname(file), { recursive: true });
  const sorted = Object.fromEntries(
    Object.entries(all).sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true })),
  );
  writeFileSync(`${file}.tmp`, `${JSON.stringify(sorted, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}
