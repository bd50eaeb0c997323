import { backoffDelayMs } from "./backoff.js";
import { type ClaimedJob, claimDue, type Settlement, settle } from "./claim.js";
import { deliver, describeError, isCircuitOpen, withDeadline } from "./deliver.js";
import { AMBIGUOUS_TAG, followsAmbiguousAttempt, isAmbiguousFailure, markerLookup } from "./job-marker.js";
import { type RelayOptions, type ResolvedRelayOptions, resolveRelayOptions } from "./relay-options.js";
import { Sleeper } from "./sleeper.js";

/** What one claim -> deliver -> settle round did. */
export interface DrainResult {
  claimed: number;
  delivered: number;
  /** Failed and scheduled for another attempt. */
  retried: number;
  dead: number;
  /** Handed back untouched because mem0's breaker opened mid-batch. */
  released: number;
  /** Outcomes dropped because the lease had expired and another relay had re-claimed the row. */
  leaseLost: number;
  /** True when nothing was claimed because mem0's breaker is open. */
  paused: boolean;
  /** True when the claim found fewer due rows than it asked for: none was left for another claim then. */
  drained: boolean;
}

export interface Relay {
  readonly id: string;
  /** Starts the background lanes (idempotent). */
  start(): void;
  /** Stops claiming, lets in-flight deliveries finish and settle, then resolves. */
  stop(): Promise<void>;
  /** One round on the caller's schedule (tests, cron-style use); `limit` defaults to batchSize. */
  drainOnce(limit?: number): Promise<DrainResult>;
  /** Work was enqueued: wake idle lanes now instead of after idleDelayMs. */
  notify(): void;
  /** Totals of this relay since it was created (process-local; the table has the global view). */
  counters(): Readonly<
    Omit<DrainResult, "paused" | "drained"> & {
      rounds: number;
      pausedRounds: number;
      errors: number;
      /** Lookups of a job's marker after an ambiguous attempt, and how many found the add had landed. */
      markerChecks: number;
      markerHits: number;
    }
  >;
  isRunning(): boolean;
}

export function createRelay(options: RelayOptions): Relay {
  const o = resolveRelayOptions(options);
  const sleeper = new Sleeper();
  const totals = { claimed: 0, delivered: 0, retried: 0, dead: 0, released: 0, leaseLost: 0 };
  const extra = { rounds: 0, pausedRounds: 0, errors: 0, markerChecks: 0, markerHits: 0 };
  let lanes: Promise<void>[] | null = null;
  let stopping = false;
  let lastProbeAt = 0;
  /** notify() calls so far: a lane compares it across a round to know whether work came in meanwhile. */
  let notifications = 0;
  const roundSize = () =>
    o.pace ? Math.max(1, Math.min(o.batchSize, Math.floor(o.pace.rowsPerRound(o.batchSize)))) : o.batchSize;

  async function drainOnce(limit = o.batchSize): Promise<DrainResult> {
    const breaker = o.mem0.breakerState();
    const probeDue = breaker === "open" && Date.now() - lastProbeAt >= o.breakerProbeMs;
    const result: DrainResult = { ...zero(), paused: breaker === "open" && !probeDue, drained: false };
    if (result.paused) {
      extra.pausedRounds++;
      return result;
    }
    if (probeDue) lastProbeAt = Date.now();
    // Open (probing) or half-open: send a single job, so the rest are not failed by the breaker.
    const asked = breaker === "closed" ? limit : 1;
    const rows = await claimDue(o.db, { relayId: o.relayId, limit: asked, leaseMs: o.leaseMs });
    result.drained = rows.length < asked;
    result.claimed = rows.length;
    if (rows.length > 0) {
      const settlements = await Promise.all(rows.map((row) => attempt(row, o, extra)));
      const settled = await settle(o.db, o.relayId, settlements);
      for (const s of settlements) {
        if (!settled.has(s.id)) {
          result.leaseLost++;
          o.logger?.warn({ jobId: s.id, relayId: o.relayId }, "outbox: lease lost before settling");
          continue;
        }
        if (s.outcome === "delivered") result.delivered++;
        else if (s.outcome === "retry") result.retried++;
        else if (s.outcome === "dead") result.dead++;
        else result.released++;
      }
    }
    extra.rounds++;
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += result[key];
    return result;
  }

  async function lane(): Promise<void> {
    while (!stopping) {
      try {
        const notifiedBefore = notifications;
        const r = await drainOnce(roundSize());
        // Rows handed back because the breaker tripped mid-round: wait like a paused round, or the lane
        // would re-claim and re-release them in a tight loop.
        if (r.paused || r.released > 0) await sleeper.sleep(o.breakerPollMs);
        // Nothing due, or fewer due rows than asked for and nothing enqueued since the claim: another claim
        // now would come back empty (measured: 2.6 claims per job at 25 remembers/s before this check).
        // Retries coming due and other processes' jobs are found by the idle poll, as before.
        else if (r.claimed === 0 || (r.drained && notifications === notifiedBefore))
          await sleeper.sleep(o.idleDelayMs);
        else {
          // Reads are under pressure: a plain timer, not the sleeper, which every enqueue wakes. Otherwise,
          // PGlite answers through microtasks only: yield to the event loop between rounds so timers and
          // sockets (mem0 responses, the breaker's clock) are never starved by a busy lane.
          const pauseMs = o.pace && !stopping ? Math.max(0, o.pace.afterRound(r.claimed)) : 0;
          await new Promise((resolve) =>
            pauseMs > 0 ? setTimeout(resolve, pauseMs) : setImmediate(resolve),
          );
        }
      } catch (error) {
        // The database is unreachable or a statement failed: claimed rows stay in_flight and come back
        // after their lease, so the loop only has to survive and try again.
        extra.errors++;
        o.logger?.error({ relayId: o.relayId, err: describeError(error) }, "outbox relay round failed");
        await sleeper.sleep(o.errorDelayMs);
      }
    }
  }

  return {
    id: o.relayId,
    start() {
      if (lanes) return;
      stopping = false;
      sleeper.reopen();
      lanes = Array.from({ length: o.lanes }, () => lane());
      o.logger?.info({ relayId: o.relayId, lanes: o.lanes, batchSize: o.batchSize }, "outbox relay started");
    },
    async stop() {
      if (!lanes) return;
      stopping = true;
      sleeper.close();
      await Promise.all(lanes);
      lanes = null;
      o.logger?.info({ relayId: o.relayId, ...totals }, "outbox relay stopped");
    },
    drainOnce,
    notify: () => {
      notifications++;
      sleeper.wakeOne();
    },
    counters: () => ({ ...totals, ...extra }),
    isRunning: () => lanes !== null,
  };
}

function zero(): Omit<DrainResult, "paused" | "drained"> {
  return { claimed: 0, delivered: 0, retried: 0, dead: 0, released: 0, leaseLost: 0 };
}

/** Delivers one claimed row and decides what to record. */
async function attempt(
  row: ClaimedJob,
  o: ResolvedRelayOptions,
  counts: { markerChecks: number; markerHits: number },
): Promise<Settlement> {
  const base = { id: row.id, claimAttempts: row.attempts };
  // Re-claimed after too many expired leases (e.g. a payload that crashes the relay): stop trying.
  if (row.attempts > o.maxAttempts)
    return { ...base, outcome: "dead", failed: false, error: row.lastError ?? "too many expired leases" };
  const check = await checkMarker(row, o, counts);
  if (check) return check;
  const delivery = await deliver(o.mem0, row, o.deliveryTimeoutMs);
  if (delivery.ok) return { ...base, outcome: "delivered", failed: false, result: delivery.outcome };
  return failure(row, o, delivery.error, isAmbiguousFailure(delivery.error) ? AMBIGUOUS_TAG : "");
}

/**
 * After an attempt that may have landed, asks mem0 whether memories carrying the job's marker exist
 * (job-marker.ts). Found: the job is delivered, nothing is added. Returns undefined to go on and add: not
 * needed, not found, the writer cannot tell, or mem0 refused the lookup itself (4xx: adding is then the
 * at-least-once fallback). A lookup that failed transiently is a failed attempt that keeps the tag, so the
 * next attempt looks again.
 */
async function checkMarker(
  row: ClaimedJob,
  o: ResolvedRelayOptions,
  counts: { markerChecks: number; markerHits: number },
): Promise<Settlement | undefined> {
  const find = o.mem0.findByMetadata?.bind(o.mem0);
  const lookup = find && followsAmbiguousAttempt(row) ? markerLookup(row) : null;
  if (!find || !lookup) return undefined;
  counts.markerChecks++;
  const found = await withDeadline(o.deliveryTimeoutMs, (signal) =>
    find(lookup, { signal, timeoutMs: o.deliveryTimeoutMs, requestId: `outbox-${row.id}-check` }),
  );
  if (found.ok) {
    if (!found.outcome || found.outcome.length === 0) return undefined;
    counts.markerHits++;
    o.logger?.info({ jobId: row.id, memories: found.outcome.length }, "outbox: earlier add had landed");
    const results = found.outcome.map((m) => ({ id: m.id }));
    return {
      id: row.id,
      claimAttempts: row.attempts,
      outcome: "delivered",
      failed: false,
      result: { status: "done", results, foundByMarker: true },
    };
  }
  if (!isCircuitOpen(found.error) && o.isPermanentFailure(found.error)) {
    o.logger?.warn({ jobId: row.id, err: describeError(found.error) }, "outbox: marker lookup refused");
    return undefined;
  }
  return failure(row, o, found.error, `${AMBIGUOUS_TAG}marker lookup failed: `);
}

/** What to record for a failed call: released (breaker), dead, or a retry after backoff. */
function failure(row: ClaimedJob, o: ResolvedRelayOptions, err: unknown, tag: string): Settlement {
  const base = { id: row.id, claimAttempts: row.attempts };
  if (isCircuitOpen(err)) return { ...base, outcome: "release", failed: false, delayMs: o.breakerPollMs };
  const error = `${tag}${describeError(err)}`;
  if (o.isPermanentFailure(err) || row.attempts >= o.maxAttempts) {
    o.logger?.warn({ jobId: row.id, attempts: row.attempts, err: error }, "outbox: job dead-lettered");
    return { ...base, outcome: "dead", failed: true, error };
  }
  const delayMs = backoffDelayMs(row.attempts, o.backoff, o.random);
  o.logger?.debug({ jobId: row.id, attempts: row.attempts, delayMs, err: error }, "outbox: retry scheduled");
  return { ...base, outcome: "retry", failed: true, delayMs, error };
}
