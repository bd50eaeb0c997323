/**
 * What the gateway's `/healthz` says about the outbox and the embedded engine, read from outside its process
 * (the bench drives a gateway in a child process): one reading, a wait for the outbox to drain, and a sampler
 * that records the outbox and the machine's load average once a second while a load runs.
 */
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { sleep } from "./capacity-calls.js";

export interface OutboxView {
  pending: number;
  inFlight: number;
  delivered: number;
  dead: number;
  failed: number;
  oldestPendingAgeMs: number;
}

export interface HealthReading {
  outbox: OutboxView | null;
  /** The embedded engine's child process, when the gateway runs one. */
  enginePid: number | null;
}

export async function readHealth(url: string): Promise<HealthReading> {
  const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) }).catch(() => null);
  const body = (await res?.json().catch(() => null)) as {
    checks?: { outbox?: OutboxView; mem0?: { engine?: { pid?: number | null } } };
  } | null;
  return { outbox: body?.checks?.outbox ?? null, enginePid: body?.checks?.mem0?.engine?.pid ?? null };
}

/** Jobs pending or in flight in the gateway's outbox now (0 when /healthz gives no outbox). */
export async function queuedJobs(url: string): Promise<number> {
  const outbox = (await readHealth(url)).outbox;
  return outbox ? outbox.pending + outbox.inFlight : 0;
}

export interface DrainResult extends OutboxView {
  /** Nothing pending or in flight within the deadline, and nothing dead. */
  ok: boolean;
  drained: boolean;
  /** From the call to the reading that showed the outbox empty (or to the deadline). */
  waitedMs: number;
}

/** Polls `/healthz` every 500 ms until nothing is pending or in flight, bounded by `deadlineMs`. */
export async function waitForOutboxDrain(url: string, deadlineMs: number): Promise<DrainResult> {
  const t0 = performance.now();
  let last: OutboxView | null = null;
  while (performance.now() - t0 < deadlineMs) {
    last = (await readHealth(url)).outbox ?? last;
    if (last && last.pending === 0 && last.inFlight === 0)
      return { ok: last.dead === 0, drained: true, waitedMs: Math.round(performance.now() - t0), ...last };
    await sleep(500);
  }
  const view = last ?? {
    pending: -1,
    inFlight: -1,
    delivered: 0,
    dead: -1,
    failed: 0,
    oldestPendingAgeMs: -1,
  };
  return { ok: false, drained: false, waitedMs: Math.round(performance.now() - t0), ...view };
}

export interface LoadSamples {
  /** The 1-minute load average, sampled once a second (it trails the load: the value at the end is the best). */
  loadAverage1m: { mean: number; max: number; atEnd: number; samples: number };
  /** The outbox while the load ran: the most jobs waiting at once and the oldest job's age at worst. */
  outbox: { maxPending: number; maxOldestPendingAgeMs: number };
}

/**
 * Samples until the returned `stop()` is called; `stop()` returns the summary of the samples taken so far at
 * once (a reading still in flight is left out), so what follows the load is not delayed or counted.
 */
export function sampleWhileLoaded(url: string, everyMs = 1_000): { stop(): LoadSamples } {
  const loads: number[] = [];
  let maxPending = 0;
  let maxOldestPendingAgeMs = 0;
  let running = true;
  void (async () => {
    while (running) {
      loads.push(loadavg()[0] ?? 0);
      const { outbox } = await readHealth(url);
      if (outbox && running) {
        maxPending = Math.max(maxPending, outbox.pending + outbox.inFlight);
        maxOldestPendingAgeMs = Math.max(maxOldestPendingAgeMs, outbox.oldestPendingAgeMs);
      }
      await sleep(everyMs);
    }
  })();
  return {
    stop() {
      running = false;
      const r1 = (v: number) => Math.round(v * 10) / 10;
      return {
        loadAverage1m: {
          mean: r1(loads.reduce((s, v) => s + v, 0) / Math.max(1, loads.length)),
          max: r1(Math.max(0, ...loads)),
          atEnd: r1(loadavg()[0] ?? 0),
          samples: loads.length,
        },
        outbox: { maxPending, maxOldestPendingAgeMs },
      };
    },
  };
}
