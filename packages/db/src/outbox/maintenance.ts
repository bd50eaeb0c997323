/**
 * The outbox's housekeeping on a timer: delivered jobs older than the retention are deleted, a batch at a
 * time, and on PGlite (no autovacuum) the table is vacuumed after each pass. Without it every acknowledged
 * remember stays on disk for good (P11's 100-user rate adds ~335k rows an hour).
 *
 * Why batches with a pause between them: on PGlite every statement runs on the host's event loop. Measured
 * (packages/db README, "Housekeeping"): at 1M rows a batch of 1,000 through outbox_delivered_idx takes ~8 ms,
 * one statement over 43k rows 690 ms. The vacuum runs without ANALYZE (5-130 ms at 1M rows, against ~0.7 s
 * with it); only the purge's two columns are analyzed, before the pass (migrations/0008 says why).
 */
import type { Outbox } from "./outbox.js";
import type { RelayLogger } from "./relay-options.js";
import { Sleeper } from "./sleeper.js";

export interface OutboxMaintenanceOptions {
  outbox: Outbox;
  /** Delivered jobs older than this are deleted; their idempotency keys become reusable. Keep it longer than any client's retry window. */
  retentionMs: number;
  /** Time between passes (default 10 min); the first pass runs one interval after start(). */
  intervalMs?: number;
  /** Rows per delete statement (default 1,000). */
  batchSize?: number;
  /** Wait between two batches of one pass, so requests run in between (default 10 ms). */
  pauseMs?: number;
  /**
   * Do autovacuum's part too (default false; true for PGlite, which has none): refresh the purge's planner
   * statistics before each pass (analyzeForPurge) and vacuum after it.
   */
  vacuum?: boolean;
  logger?: RelayLogger;
}

export interface MaintenancePass {
  purged: number;
  batches: number;
  vacuumed: boolean;
  ms: number;
}

export interface OutboxMaintenance {
  start(): void;
  /** Ends the timer and waits for a pass in progress to finish its current statement. */
  stop(): Promise<void>;
  /** One pass now (tests, an operator's script). Passes never overlap: a second call waits for the first. */
  runOnce(): Promise<MaintenancePass>;
}

const DEFAULTS = { intervalMs: 600_000, batchSize: 1_000, pauseMs: 10 };

function intOption(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min)
    throw new Error(`createOutboxMaintenance: option ${name} must be an integer >= ${min} (got ${value})`);
  return value;
}

export function createOutboxMaintenance(options: OutboxMaintenanceOptions): OutboxMaintenance {
  const retentionMs = intOption("retentionMs", options.retentionMs, 1);
  const intervalMs = intOption("intervalMs", options.intervalMs ?? DEFAULTS.intervalMs, 1);
  const batchSize = intOption("batchSize", options.batchSize ?? DEFAULTS.batchSize, 1);
  const pauseMs = intOption("pauseMs", options.pauseMs ?? DEFAULTS.pauseMs, 0);
  const { outbox, logger } = options;
  const sleeper = new Sleeper();
  let stopped = false;
  let running: Promise<MaintenancePass> | null = null;
  let loop: Promise<void> | null = null;

  async function pass(): Promise<MaintenancePass> {
    const started = performance.now();
    let purged = 0;
    let batches = 0;
    if (options.vacuum === true) await outbox.analyzeForPurge();
    for (;;) {
      const deleted = await outbox.purgeDelivered({ olderThanMs: retentionMs, limit: batchSize });
      purged += deleted;
      batches++;
      if (deleted < batchSize || stopped) break;
      await sleeper.sleep(pauseMs);
    }
    const vacuumed = options.vacuum === true && !stopped;
    if (vacuumed) await outbox.vacuum({ analyze: false });
    const done = { purged, batches, vacuumed, ms: Math.round(performance.now() - started) };
    if (purged > 0) logger?.info(done, "outbox maintenance: delivered jobs past the retention purged");
    else logger?.debug(done, "outbox maintenance: nothing past the retention");
    return done;
  }

  function runOnce(): Promise<MaintenancePass> {
    const next = (running ?? Promise.resolve()).catch(() => {}).then(pass);
    running = next;
    return next;
  }

  return {
    start() {
      if (loop) return;
      stopped = false;
      sleeper.reopen();
      loop = (async () => {
        while (!stopped) {
          await sleeper.sleep(intervalMs);
          if (stopped) break;
          // A failed pass (a database error) is logged and tried again next interval.
          await runOnce().catch((e: unknown) =>
            logger?.error(
              { err: (e as Error).name, message: (e as Error).message },
              "outbox maintenance failed",
            ),
          );
        }
      })();
    },
    async stop() {
      stopped = true;
      sleeper.close();
      await loop;
      loop = null;
      await running?.catch(() => {});
    },
    runOnce,
  };
}
