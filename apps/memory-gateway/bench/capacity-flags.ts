/**
 * `--seconds N` and `--users A,B,...` for a load benchmark, to check its machinery quickly on a busy machine.
 * A run with either flag is a trial: its results go to a temporary file, never to the results file, so a short
 * run's figures cannot be mistaken for the real ones. (Flags rather than variables: only env.ts files read
 * the environment here, and turbo passes a bench task only the variables it declares.)
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { RESULTS_FILE } from "@automatos/bench";

export interface LoadFlags {
  durationS: number;
  users: number[];
  trial: boolean;
  resultsFile: string;
}

export function parseLoadFlags(defaults: { durationS: number; users: number[] }): LoadFlags {
  const { values } = parseArgs({
    options: { seconds: { type: "string" }, users: { type: "string" } },
    strict: true,
  });
  const durationS = values.seconds === undefined ? defaults.durationS : Number(values.seconds);
  if (!Number.isInteger(durationS) || durationS < 5 || durationS > 600)
    throw new Error(`--seconds must be a whole number within 5..600, got "${values.seconds}"`);
  const users = values.users === undefined ? defaults.users : values.users.split(",").map(Number);
  if (users.length === 0 || users.some((n) => !Number.isInteger(n) || n < 1 || n > 1_000))
    throw new Error(`--users must be comma-separated user counts within 1..1000, got "${values.users}"`);
  const trial = values.seconds !== undefined || values.users !== undefined;
  const resultsFile = trial
    ? join(mkdtempSync(join(tmpdir(), "bench-trial-")), "results.json")
    : RESULTS_FILE;
  return { durationS, users: [...users].sort((a, b) => a - b), trial, resultsFile };
}
