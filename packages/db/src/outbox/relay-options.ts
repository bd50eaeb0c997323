import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Db } from "../create-db.js";
import type { BackoffOptions } from "./backoff.js";
import { isPermanentFailure } from "./deliver.js";
import type { Mem0Writer } from "./mem0-writer.js";

/** pino-compatible: `logger.warn({ jobId }, "message")`. Logs carry ids and error text, never payloads. */
export interface RelayLogger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface RelayOptions {
  db: Db;
  mem0: Mem0Writer;
  /** Identifies this relay in `claimed_by` (default: host-pid-random). Must be unique per running relay. */
  relayId?: string;
  /** Rows claimed per statement; each lane delivers its whole batch concurrently (default 32). */
  batchSize?: number;
  /** Independent claim -> deliver -> settle loops; at most lanes x batchSize adds in flight (default 2). */
  lanes?: number;
  /** How long a claim is exclusive; a dead relay's rows are re-claimed after it (default 60 s). */
  leaseMs?: number;
  /** Deadline of one mem0 add (default 15 s). Must leave room inside the lease to settle. */
  deliveryTimeoutMs?: number;
  /** Attempts before a job is dead-lettered (default 12). */
  maxAttempts?: number;
  /** Retry delays (default base 1 s doubling to 5 min, with jitter). */
  backoff?: Partial<BackoffOptions>;
  /** Wait when nothing is due (default 250 ms; `notify()` cuts it short). */
  idleDelayMs?: number;
  /** Re-check interval while mem0's breaker is open (default 500 ms). */
  breakerPollMs?: number;
  /**
   * While the breaker reports open, send one job through it this often (default 1 s). Breakers such as
   * cockatiel's (inside @automatos/mem0-client) only move to half-open when a call is attempted after
   * their cool-down, so a relay that merely waited for "half-open" would wait forever. A probe the
   * breaker refuses costs nothing: the job is handed back without counting an attempt.
   */
  breakerProbeMs?: number;
  /** Wait after a database error before trying again (default 1 s). */
  errorDelayMs?: number;
  /** Which errors dead-letter at once instead of being retried (default: mem0 validation errors). */
  isPermanentFailure?: (error: unknown) => boolean;
  logger?: RelayLogger;
  /** Source of jitter (tests pass a fixed one). */
  random?: () => number;
  /**
   * Paces deliveries so that reads come first (e.g. @automatos/memory's read pressure, fed by search
   * latency): each round claims `rowsPerRound(batchSize)` rows (clamped to 1..batchSize, so delivery never
   * stops), and after a round that claimed rows the lane waits `afterRound(rows)` ms. Absent: full batches,
   * no wait.
   */
  pace?: RelayPace;
}

export interface RelayPace {
  rowsPerRound(batchSize: number): number;
  afterRound(rows: number): number;
}

export type ResolvedRelayOptions = Required<Omit<RelayOptions, "logger" | "pace">> & {
  backoff: BackoffOptions;
  logger: RelayLogger | undefined;
  pace: RelayPace | undefined;
};

const positiveInts = [
  "batchSize",
  "lanes",
  "leaseMs",
  "deliveryTimeoutMs",
  "maxAttempts",
  "idleDelayMs",
  "breakerPollMs",
  "breakerProbeMs",
  "errorDelayMs",
] as const;

/** Applies defaults and rejects nonsense with an error naming the option. */
export function resolveRelayOptions(options: RelayOptions): ResolvedRelayOptions {
  if (!options.db) throw new Error("createRelay: option db is required");
  if (
    !options.mem0 ||
    typeof options.mem0.add !== "function" ||
    typeof options.mem0.breakerState !== "function"
  )
    throw new Error("createRelay: option mem0 must have add() and breakerState()");
  const resolved: ResolvedRelayOptions = {
    db: options.db,
    mem0: options.mem0,
    relayId: options.relayId ?? `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
    batchSize: options.batchSize ?? 32,
    lanes: options.lanes ?? 2,
    leaseMs: options.leaseMs ?? 60_000,
    deliveryTimeoutMs: options.deliveryTimeoutMs ?? 15_000,
    maxAttempts: options.maxAttempts ?? 12,
    backoff: { baseMs: options.backoff?.baseMs ?? 1_000, maxMs: options.backoff?.maxMs ?? 300_000 },
    idleDelayMs: options.idleDelayMs ?? 250,
    breakerPollMs: options.breakerPollMs ?? 500,
    breakerProbeMs: options.breakerProbeMs ?? 1_000,
    errorDelayMs: options.errorDelayMs ?? 1_000,
    isPermanentFailure: options.isPermanentFailure ?? isPermanentFailure,
    logger: options.logger,
    random: options.random ?? Math.random,
    pace: options.pace,
  };
  for (const name of positiveInts) {
    const value = resolved[name];
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`createRelay: option ${name} must be a positive integer (got ${value})`);
  }
  for (const name of ["baseMs", "maxMs"] as const) {
    const value = resolved.backoff[name];
    if (!Number.isFinite(value) || value < 0)
      throw new Error(`createRelay: option backoff.${name} must be a non-negative number (got ${value})`);
  }
  if (resolved.leaseMs < resolved.deliveryTimeoutMs + 1_000)
    throw new Error(
      `createRelay: option leaseMs (${resolved.leaseMs}) must exceed deliveryTimeoutMs ` +
        `(${resolved.deliveryTimeoutMs}) by at least 1000 ms, or a slow delivery would lose its lease`,
    );
  if (!resolved.relayId.trim()) throw new Error("createRelay: option relayId must not be empty");
  return resolved;
}
