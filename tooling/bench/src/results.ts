import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

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
 * Merges one result into the results file. Benchmarks run one at a time (turbo --concurrency=1), so a
 * read-modify-write is safe; the write goes through a rename so a crash never leaves half a file.
 */
export function writeResult(id: string, result: BenchResult, file = RESULTS_FILE): void {
  if (!/^[A-Z][0-9]+[a-z0-9-]*$/.test(id))
    throw new Error(`benchmark id "${id}" must look like P1, P5 or P4-detail`);
  const all = readResults(file);
  all[id] = { ...result, details: { ...result.details, measuredAt: new Date().toISOString() } };
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
