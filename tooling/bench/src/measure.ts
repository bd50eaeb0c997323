import { performance } from "node:perf_hooks";
import { type Summary, summarize } from "./stats.js";

export interface LatencyOptions {
  /** Calls made before measuring, to warm JIT, connection pools and caches. */
  warmup?: number;
  /** Measured calls. */
  iterations?: number;
}

/** Sequential latency of `fn` (concurrency 1), in milliseconds. */
export async function measureLatency(
  fn: (i: number) => Promise<unknown>,
  { warmup = 200, iterations = 2_000 }: LatencyOptions = {},
): Promise<Summary> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const sample: number[] = new Array(iterations);
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await fn(i);
    sample[i] = performance.now() - t0;
  }
  return summarize(sample);
}

/**
 * Interleaved latency of several variants: each round runs every variant once, in rotating order, so slow
 * drift of the machine (GC, other processes on 2 cores) hits all variants alike. This is how "side by side
 * in one run" comparisons are made.
 */
export async function measureSideBySide<K extends string>(
  variants: Record<K, (i: number) => Promise<unknown>>,
  { warmup = 200, iterations = 2_000 }: LatencyOptions = {},
): Promise<Record<K, Summary>> {
  const names = Object.keys(variants) as K[];
  for (let i = 0; i < warmup; i++) for (const n of names) await variants[n](i);
  const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < iterations; i++) {
    for (let j = 0; j < names.length; j++) {
      const n = names[(i + j) % names.length] as K;
      const t0 = performance.now();
      await variants[n](i);
      samples[n].push(performance.now() - t0);
    }
  }
  return Object.fromEntries(names.map((n) => [n, summarize(samples[n])])) as Record<K, Summary>;
}

export interface ThroughputResult {
  /** Completed operations per second. */
  opsPerSec: number;
  completed: number;
  errors: number;
  durationMs: number;
  latency: Summary;
}

/** Closed-loop throughput: `concurrency` workers call `fn` back to back until `total` calls are done. */
export async function measureThroughput(
  fn: (i: number) => Promise<unknown>,
  {
    concurrency = 32,
    total = 10_000,
    warmup = 500,
  }: { concurrency?: number; total?: number; warmup?: number } = {},
): Promise<ThroughputResult> {
  await runClosedLoop(fn, concurrency, warmup);
  return runClosedLoop(fn, concurrency, total);
}

async function runClosedLoop(
  fn: (i: number) => Promise<unknown>,
  concurrency: number,
  total: number,
): Promise<ThroughputResult> {
  let next = 0;
  let errors = 0;
  const latencies: number[] = [];
  const t0 = performance.now();
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const s = performance.now();
      try {
        await fn(i);
      } catch {
        errors++;
      }
      latencies.push(performance.now() - s);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(total, 1)) }, worker));
  const durationMs = performance.now() - t0;
  return {
    opsPerSec: (total / durationMs) * 1000,
    completed: total - errors,
    errors,
    durationMs,
    latency: summarize(latencies.length ? latencies : [0]),
  };
}
