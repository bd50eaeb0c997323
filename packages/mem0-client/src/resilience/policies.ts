/**
 * Retry and circuit breaker, both from cockatiel (one small, dependency-free, typed library that has both
 * and composes them; see the README for why not p-retry + opossum).
 *
 * - Safe calls (reads, search, ping, event polls) run through retry(breaker(call)): every attempt is seen
 *   by the breaker, and an open breaker is not retried (it fails fast as "circuit_open").
 * - Unsafe calls (add, update, delete, deleteAll, reset) run through the breaker only: a lost response to
 *   an add may still have stored the memory, so repeating it is the caller's decision (the outbox's).
 */
import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhen,
  IsolatedCircuitError,
  retry,
  wrap,
} from "cockatiel";
import { isMem0Error, Mem0Error } from "../errors.js";
import type { Mem0Logger } from "../types.js";
import type { BreakerState } from "./breaker-state.js";
import { RetryAfterBackoff } from "./retry-after-backoff.js";

export interface ResilienceOptions {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  consecutiveFailures: number;
  halfOpenAfterMs: number;
  logger?: Mem0Logger;
}

export interface Resilience {
  runSafe<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  runUnsafe<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  state(): BreakerState;
  onChange(listener: (s: BreakerState) => void): () => void;
}

const RETRY_STATUSES = new Set([502, 503, 504]);

/** mem0 itself is failing (as opposed to refusing this request): the breaker counts these. */
export function countsAsOutage(err: unknown): boolean {
  if (!isMem0Error(err)) return false;
  if (err.kind === "timeout" || err.kind === "unavailable" || err.kind === "bad_response") return true;
  return err.status !== undefined && err.status >= 500;
}

/** Only network failures and 502/503/504, and only when a Retry-After (if any) fits our own cap. */
export function autoRetryable(err: unknown, maxDelayMs: number): boolean {
  if (!isMem0Error(err) || !err.retryable) return false;
  if (err.retryAfterMs !== undefined && err.retryAfterMs > maxDelayMs) return false;
  if (err.status !== undefined) return RETRY_STATUSES.has(err.status);
  // A deadline set by the caller is spent: trying again would overrun it.
  return (err.kind === "unavailable" || err.kind === "timeout") && err.causeCode !== "DEADLINE";
}

function toState(s: CircuitState): BreakerState {
  if (s === CircuitState.Closed) return "closed";
  if (s === CircuitState.HalfOpen) return "half-open";
  return "open";
}

export function createResilience(o: ResilienceOptions): Resilience {
  const breaker = circuitBreaker(handleWhen(countsAsOutage), {
    halfOpenAfter: o.halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(o.consecutiveFailures),
  });
  const retries = Math.max(0, o.maxAttempts - 1);
  const retryPolicy = retry(
    handleWhen((e) => autoRetryable(e, o.maxDelayMs)),
    { maxAttempts: retries, backoff: new RetryAfterBackoff(o.baseDelayMs, o.maxDelayMs) },
  );
  const safe = wrap(retryPolicy, breaker);
  if (o.logger) {
    const log = o.logger;
    retryPolicy.onRetry((r) => {
      const e = "error" in r ? r.error : undefined;
      log.warn({ attempt: r.attempt, delayMs: r.delay, ...errorFields(e) }, "mem0 call failed; retrying");
    });
    breaker.onStateChange((s) => {
      const fields = { breaker: toState(s) };
      if (s === CircuitState.Open) log.error(fields, "mem0 circuit breaker opened");
      else log.info(fields, "mem0 circuit breaker state changed");
    });
  }

  return {
    runSafe: (fn, signal) => safe.execute(fn, signal).catch(rethrowBroken),
    runUnsafe: (fn, signal) => breaker.execute(fn, signal).catch(rethrowBroken),
    state: () => toState(breaker.state),
    onChange: (listener) => {
      const sub = breaker.onStateChange((s) => listener(toState(s)));
      return () => sub.dispose();
    },
  };
}

function rethrowBroken(err: unknown): never {
  if (err instanceof BrokenCircuitError || err instanceof IsolatedCircuitError) {
    throw new Mem0Error({
      kind: "circuit_open",
      message: "mem0 circuit breaker is open after consecutive failures; failing fast",
    });
  }
  throw err;
}

function errorFields(e: unknown): Record<string, unknown> {
  if (!isMem0Error(e)) return {};
  return { kind: e.kind, status: e.status, code: e.code, requestId: e.requestId, causeCode: e.causeCode };
}
