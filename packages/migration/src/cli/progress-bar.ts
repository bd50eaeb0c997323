/**
 * The progress bar (cli-progress) on stderr: rows done / total, rows per second, ETA and the running
 * outcome counts. Without a terminal (CI, pipes) cli-progress prints a plain line every 10 s instead.
 */
import cliProgress from "cli-progress";
import type { Progress } from "../run/migrate.js";
import { sumValues } from "../run/run-counters.js";

export interface ProgressBar {
  update(p: Progress): void;
  stop(): void;
}

export function createProgressBar(enabled: boolean): ProgressBar {
  if (!enabled) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      format:
        "{bar} {percentage}% | {value}/{total} rows | {rate} rows/s | ETA {eta_formatted} | migrated {migrated} skipped {skipped} quarantined {quarantined} failed {failed}",
      stream: process.stderr,
      noTTYOutput: true,
      notTTYSchedule: 10_000,
      etaBuffer: 50,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(p) {
      const payload = {
        rate: Math.round(p.rowsPerSec),
        migrated: p.totals.migrated + p.totals.recovered,
        skipped: sumValues(p.totals.skipped),
        quarantined: sumValues(p.totals.quarantined),
        failed: p.totals.failed,
      };
      if (!started) {
        bar.start(p.total, p.done, payload);
        started = true;
      } else bar.update(p.done, payload);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
