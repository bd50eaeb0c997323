/**
 * Maps what undici (or an AbortSignal) throws into a Mem0Error. Which signal fired is decided by looking at
 * the signals themselves, not at the error, because undici rejects with `signal.reason`, which can be any
 * value the caller chose.
 */
import { Mem0Error } from "../errors.js";

export interface AttemptSignals {
  /** The caller's own signal: aborting it is a cancellation, not a failure of mem0. */
  callerSignal?: AbortSignal;
  /** Fires when CallOptions.timeoutMs runs out. */
  deadlineSignal?: AbortSignal;
  timeoutMs?: number;
}

const TIMEOUT_CODES: Record<string, string> = {
  UND_ERR_CONNECT_TIMEOUT: "connecting",
  UND_ERR_HEADERS_TIMEOUT: "waiting for response headers",
  UND_ERR_BODY_TIMEOUT: "reading the response body",
  ETIMEDOUT: "connecting",
};

export function abortError(where: string, signals: AttemptSignals, requestId: string): Mem0Error | undefined {
  if (signals.callerSignal?.aborted) {
    return new Mem0Error({ kind: "aborted", message: `${where} was aborted by the caller`, requestId });
  }
  if (signals.deadlineSignal?.aborted) {
    return new Mem0Error({
      kind: "timeout",
      message: `${where} exceeded its deadline of ${signals.timeoutMs} ms`,
      requestId,
      causeCode: "DEADLINE",
    });
  }
  return undefined;
}

export function networkError(
  err: unknown,
  where: string,
  signals: AttemptSignals,
  requestId: string,
): Mem0Error {
  if (err instanceof Mem0Error) return err;
  const aborted = abortError(where, signals, requestId);
  if (aborted) return aborted;
  const code = errorCode(err);
  const phase = code ? TIMEOUT_CODES[code] : undefined;
  if (phase) {
    return new Mem0Error({
      kind: "timeout",
      message: `${where} timed out ${phase}`,
      requestId,
      causeCode: code,
    });
  }
  // Deliberately not the undici message: it can carry socket details, and the code says what happened.
  return new Mem0Error({
    kind: "unavailable",
    message: `${where} failed: mem0 is unreachable (${code ?? "network error"})`,
    requestId,
    causeCode: code ?? "UNKNOWN",
  });
}

function errorCode(err: unknown): string | undefined {
  if (typeof err !== "object" || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  if (typeof code === "string") return code;
  const cause = (err as { cause?: unknown }).cause;
  return cause && cause !== err ? errorCode(cause) : undefined;
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return undefined;
  const trimmed = v.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
