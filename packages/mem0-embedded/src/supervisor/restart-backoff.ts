/**
 * Restart delays of a crash loop: exponential (x2) from `initialMs`, capped at `maxMs`, with "equal jitter"
 * (half fixed, half random) so several supervised hosts restarting together do not stay in step.
 *
 * Hand-written rather than cockatiel's ExponentialBackoff: cockatiel is in the workspace catalog but not a
 * dependency of this package, and adding one needs a lockfile change this package's owners do not make
 * alone; the rule fits in a few lines and is tested here.
 */
export interface RestartBackoff {
  /** The delay before the next attempt; each call doubles the next one, up to the cap. */
  next(): number;
  reset(): void;
}

export function restartBackoff(
  initialMs: number,
  maxMs: number,
  random: () => number = Math.random,
): RestartBackoff {
  let attempt = 0;
  return {
    next() {
      const ceiling = Math.min(maxMs, initialMs * 2 ** attempt);
      attempt = Math.min(attempt + 1, 30);
      return Math.round(ceiling / 2 + random() * (ceiling / 2));
    },
    reset() {
      attempt = 0;
    },
  };
}
