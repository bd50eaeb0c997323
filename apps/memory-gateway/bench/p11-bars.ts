/**
 * P11's bars (docs/targets.md, P11; issue 16): one for 50 users, one for 100 users, where the two cores
 * cannot do every write at once and writes may lag. Loads up to 50 users are judged by the 50-user bar,
 * larger loads by the 100-user bar; 25 and 200 users are reported, and count toward "the largest N that
 * meets the bar".
 */

export interface CapacityFigures {
  users: number;
  recalls: number;
  /** Recalls answered degraded (no memories) or skipped (no search). */
  degradedOrSkipped: number;
  recallP95Ms: number;
  outboxLagP99Ms: number;
  /** The outbox emptied within the wait after the load stopped. */
  drained: boolean;
  drainMs: number;
  errors: number;
  lost: number;
}

export interface CapacityBar {
  maxDegradedShare: number;
  maxRecallP95Ms: number;
  maxLagP99Ms: number;
  maxDrainMs: number;
  text: string;
}

export const BAR_50: CapacityBar = {
  maxDegradedShare: 0.01,
  maxRecallP95Ms: 150,
  maxLagP99Ms: 5_000,
  maxDrainMs: 60_000,
  text: "degraded+skipped <= 1%, recall p95 <= 150 ms, outbox lag p99 <= 5 s, drained <= 60 s after the load, 0 errors, 0 lost",
};

export const BAR_100: CapacityBar = {
  maxDegradedShare: 0.01,
  maxRecallP95Ms: 150,
  maxLagP99Ms: 30_000,
  maxDrainMs: 60_000,
  text: "degraded+skipped <= 1%, recall p95 <= 150 ms, outbox lag p99 <= 30 s, drained <= 60 s after the load, 0 errors, 0 lost",
};

export function barFor(users: number): CapacityBar {
  return users <= 50 ? BAR_50 : BAR_100;
}

/** Whether `f` meets `bar` (by default its load's), and which conditions it misses (for the report). */
export function judge(f: CapacityFigures, bar = barFor(f.users)): { meets: boolean; misses: string[] } {
  const misses: string[] = [];
  const share = f.recalls > 0 ? f.degradedOrSkipped / f.recalls : 1;
  if (f.recalls === 0) misses.push("no recall answered");
  if (share > bar.maxDegradedShare) misses.push(`degraded+skipped ${(share * 100).toFixed(2)}%`);
  if (!(f.recallP95Ms <= bar.maxRecallP95Ms)) misses.push(`recall p95 ${Math.round(f.recallP95Ms)} ms`);
  if (!(f.outboxLagP99Ms <= bar.maxLagP99Ms))
    misses.push(`outbox lag p99 ${Math.round(f.outboxLagP99Ms)} ms`);
  if (!f.drained || f.drainMs > bar.maxDrainMs) misses.push("outbox not drained in time");
  if (f.errors > 0) misses.push(`${f.errors} errors`);
  if (f.lost > 0) misses.push(`${f.lost} lost`);
  return { meets: misses.length === 0, misses };
}

/** The largest load that meets its bar with every smaller load measured meeting its own; 0 when none. */
export function largestPassing(runs: { users: number; meets: boolean }[]): number {
  let largest = 0;
  for (const r of [...runs].sort((a, b) => a.users - b.users)) {
    if (!r.meets) break;
    largest = r.users;
  }
  return largest;
}
