/**
 * Bounded concurrency (p-limit) and rate (p-throttle) for mem0 writes. p-limit caps requests in flight;
 * p-throttle's strict mode caps starts per second with no burst at window edges.
 */
import pLimit from "p-limit";
import pThrottle from "p-throttle";

export type Schedule = <T>(fn: () => Promise<T>) => Promise<T>;

export function createSchedule(concurrency: number, ratePerSecond: number | null): Schedule {
  const limit = pLimit(Math.max(1, Math.floor(concurrency)));
  if (!ratePerSecond || ratePerSecond <= 0) return (fn) => limit(fn);
  // Spread the budget over 100 ms windows so a rate of 50/s does not start 50 requests at once.
  const perWindow = Math.max(1, Math.round(ratePerSecond / 10));
  const throttle = pThrottle({
    limit: perWindow,
    interval: Math.round((perWindow / ratePerSecond) * 1000),
    strict: true,
  });
  const gate = throttle(async () => {});
  return (fn) =>
    limit(async () => {
      await gate();
      return fn();
    });
}
