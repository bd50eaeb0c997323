import { performance } from "node:perf_hooks";

/** Rejected calls of a load run: the count, per code, and the first few distinct messages. */
export interface ErrorTally {
  errors: number;
  errorsByCode: Record<string, number>;
  /** The first few distinct error messages (ours are generic and tenant-free), to diagnose a failed run. */
  errorSamples: string[];
}

export function newErrorTally(): ErrorTally {
  return { errors: 0, errorsByCode: {}, errorSamples: [] };
}

/**
 * Runs one client call, pushes its latency (ms, failures included: a slow refusal is felt too) to `bucket`,
 * and tallies a rejection instead of throwing, so one failed call never stops a simulated user.
 */
export async function timedCall<T>(
  tally: ErrorTally,
  bucket: number[],
  fn: () => Promise<T>,
): Promise<T | undefined> {
  const t0 = performance.now();
  try {
    const result = await fn();
    bucket.push(performance.now() - t0);
    return result;
  } catch (err) {
    bucket.push(performance.now() - t0);
    tally.errors++;
    const code = (err as { data?: { code?: string } }).data?.code ?? (err as Error).name ?? "unknown";
    tally.errorsByCode[code] = (tally.errorsByCode[code] ?? 0) + 1;
    const sample = `${code}: ${(err as Error).message}`.slice(0, 200);
    if (tally.errorSamples.length < 5 && !tally.errorSamples.includes(sample))
      tally.errorSamples.push(sample);
    return undefined;
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms)));
export const between = (lo: number, hi: number) => lo + Math.random() * (hi - lo);
