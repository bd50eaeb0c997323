/**
 * Reads before writes across the gateway (or an app) and mem0: the relay's pace (@automatos/db's RelayPace)
 * follows how long searches take. Every search's latency is observed; one over `targetMs` halves the rows a
 * relay round may claim (at most once per CUT_EVERY_MS, so one slow burst is one cut), each one under it adds
 * a quarter row back; at one row per round with a slow search in the last second, each round is followed by
 * a pause. With no search for IDLE_RESET_MS the relay runs at full batches again. This is additive-increase /
 * multiplicative-decrease, the rule TCP uses to share a link: writes take what reads leave, and delivery
 * never stops (at least one row per round per lane), so the outbox lags under load and drains after it.
 *
 * A cap on the delivery rate (rows per second, same rule) was measured instead and not kept: after a slow
 * burst it recovered too slowly for the 50-user outbox-lag bar (package README, "Reads before writes").
 */
import type { RelayPace } from "@automatos/db";

const CUT_EVERY_MS = 100;
const IDLE_RESET_MS = 2_000;
const RECENT_SLOW_MS = 1_000;
const ROUND_PAUSE_MS = 50;
/** Past this many rows the window stops limiting anything: back to full batches. */
const OPEN_WINDOW = 64;

export interface ReadPressureOptions {
  /** A search slower than this is a sign that writes take too much of the machine. */
  targetMs: number;
  now?: () => number;
}

export interface ReadPressure extends RelayPace {
  /** A search's latency, ms (also for one that failed or was aborted: its time was spent all the same). */
  observe(ms: number): void;
  /** The current window, rows per round (Infinity: not limiting). */
  window(): number;
}

export function createReadPressure(options: ReadPressureOptions): ReadPressure {
  if (!(options.targetMs > 0))
    throw new Error(`read pressure: targetMs must be positive (got ${options.targetMs})`);
  const now = options.now ?? Date.now;
  let window = Number.POSITIVE_INFINITY;
  let lastCutAt = Number.NEGATIVE_INFINITY;
  let lastSlowAt = Number.NEGATIVE_INFINITY;
  let lastSeenAt = Number.NEGATIVE_INFINITY;
  const current = () => (now() - lastSeenAt > IDLE_RESET_MS ? Number.POSITIVE_INFINITY : window);

  return {
    observe(ms) {
      const t = now();
      if (t - lastSeenAt > IDLE_RESET_MS) window = Number.POSITIVE_INFINITY;
      lastSeenAt = t;
      if (ms > options.targetMs) {
        lastSlowAt = t;
        if (t - lastCutAt < CUT_EVERY_MS) return;
        lastCutAt = t;
        window = Math.max(1, Math.min(window, OPEN_WINDOW) / 2);
      } else if (Number.isFinite(window)) {
        window += 0.25;
        if (window >= OPEN_WINDOW) window = Number.POSITIVE_INFINITY;
      }
    },
    window: current,
    rowsPerRound: (batchSize) => Math.min(batchSize, current()),
    afterRound: () => (current() <= 1 && now() - lastSlowAt < RECENT_SLOW_MS ? ROUND_PAUSE_MS : 0),
  };
}
