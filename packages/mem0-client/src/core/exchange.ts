/**
 * The single path every call takes: request id, deadline and caller signal, resilience policy (retry only
 * for safe calls), zod parsing inside the attempt (so a broken body counts towards the breaker), and the one
 * place where errors are normalised and scrubbed of secrets.
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { z } from "zod";
import { isMem0Error, Mem0Error, type Mem0ErrorInit, redactError } from "../errors.js";
import { abortError } from "../http/network-errors.js";
import type { HttpCall, Transport } from "../http/transport.js";
import type { Resilience } from "../resilience/policies.js";
import type { CallOptions, Mem0Logger } from "../types.js";
import { callSignal } from "./call-signal.js";
import { raceAbort } from "./race-abort.js";

export interface ExchangeHow<T> {
  /** Safe to repeat (reads, search, ping, polls): eligible for automatic retries. */
  safe: boolean;
  parse: (json: unknown, where: string, requestId: string) => T;
}

export type Exchange = <T>(call: HttpCall, how: ExchangeHow<T>, opts?: CallOptions) => Promise<T>;

export interface ExchangeDeps {
  transport: Transport;
  resilience: Resilience;
  secrets: readonly string[];
  logger?: Mem0Logger;
}

export function createExchange({ transport, resilience, secrets, logger }: ExchangeDeps): Exchange {
  return async function exchange<T>(call: HttpCall, how: ExchangeHow<T>, opts?: CallOptions): Promise<T> {
    const requestId = opts?.requestId ?? randomUUID();
    const where = `${call.method} ${call.path}`;
    const callerSignal = opts?.signal;
    const bounds = callSignal(callerSignal, opts?.timeoutMs);
    const { signal, deadlineSignal } = bounds;
    const signals = { callerSignal, deadlineSignal, timeoutMs: opts?.timeoutMs };
    const started = performance.now();
    let attempts = 0;
    let status = 0;
    let echoed = requestId;

    const attempt = async (): Promise<T> => {
      attempts++;
      const reply = await transport.send(call, { ...signals, requestId, signal });
      status = reply.status;
      echoed = reply.requestId;
      return how.parse(reply.json, where, reply.requestId);
    };

    try {
      const run = how.safe ? resilience.runSafe(attempt, signal) : resilience.runUnsafe(attempt, signal);
      const value = signal
        ? await raceAbort(run, signal, () => abortError(where, signals, requestId) as Mem0Error)
        : await run;
      if (opts?.onMeta || logger) {
        const meta = { requestId: echoed, status, attempts, latencyMs: performance.now() - started };
        opts?.onMeta?.(meta);
        logger?.debug({ method: call.method, path: call.path, ...meta }, "mem0 call");
      }
      return value;
    } catch (err) {
      const e = normalise(err, where, signals, requestId);
      logger?.debug(
        {
          method: call.method,
          path: call.path,
          kind: e.kind,
          status: e.status,
          attempts,
          requestId: e.requestId,
        },
        "mem0 call failed",
      );
      throw redactError(e, secrets);
    } finally {
      bounds.dispose();
    }
  };
}

function normalise(
  err: unknown,
  where: string,
  signals: Parameters<typeof abortError>[1],
  requestId: string,
): Mem0Error {
  if (isMem0Error(err)) {
    if (err.requestId !== undefined) return err;
    const copy = new Mem0Error({ ...(err.toJSON() as unknown as Mem0ErrorInit), requestId });
    copy.stack = err.stack;
    return copy;
  }
  // E.g. cockatiel's TaskCancelledError when a half-open probe is cancelled.
  return (
    abortError(where, signals, requestId) ??
    new Mem0Error({
      kind: "unavailable",
      message: `${where} failed unexpectedly`,
      requestId,
      causeCode: err instanceof Error ? err.name : "UNKNOWN",
    })
  );
}

/** Builds an ExchangeHow.parse from a zod schema; a mismatch is a "bad_response" naming the first bad path. */
export function parseWith<S extends z.ZodType, R>(schema: S, map: (v: z.output<S>) => R) {
  return (json: unknown, where: string, requestId: string): R => {
    const r = schema.safeParse(json);
    if (r.success) return map(r.data);
    const issue = r.error.issues[0];
    const at = issue && issue.path.length > 0 ? ` at ${issue.path.join(".")}` : "";
    throw new Mem0Error({
      kind: "bad_response",
      message: `${where}: unexpected response shape${at}: ${issue?.message ?? "invalid"}`,
      requestId,
    });
  };
}
