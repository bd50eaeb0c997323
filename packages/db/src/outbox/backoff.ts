export interface BackoffOptions {
  /** Delay after the first failure, before jitter (ms). */
  baseMs: number;
  /** Cap on the delay before jitter (ms). */
  maxMs: number;
}

/**
 * Exponential backoff with "equal jitter": the delay doubles with each failure up to `maxMs`, then a random
 * point in its upper half is chosen. The random half spreads retries of jobs that failed together (a mem0
 * outage fails every in-flight job at once) so they do not return as one burst; the fixed half keeps a
 * floor so a retry never comes back immediately.
 */
export function backoffDelayMs(
  failedAttempts: number,
  options: BackoffOptions,
  random = Math.random,
): number {
  const exponent = Math.max(0, Math.min(failedAttempts - 1, 30));
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** exponent);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
