import type { ClaimedJob } from "./claim.js";
import { JOB_MARKER_KEY } from "./job-marker.js";
import type { Mem0AddOutcome, Mem0AddRequest, Mem0ErrorShape, Mem0Writer } from "./mem0-writer.js";

export class DeliveryTimeoutError extends Error {
  override readonly name = "DeliveryTimeoutError";
  readonly kind = "timeout";
  constructor(readonly timeoutMs: number) {
    super(`mem0 add did not answer within ${timeoutMs} ms`);
  }
}

export type DeliveryResult = { ok: true; outcome: Mem0AddOutcome } | { ok: false; error: unknown };

/**
 * The mem0 add for one outbox row: ids from the row's columns, body from its payload, and the job id in
 * metadata (`automatos_job`, set last so a client value cannot replace it): the key that makes a repeated
 * add harmless (see job-marker.ts).
 */
export function toAddRequest(
  row: Pick<ClaimedJob, "id" | "userId" | "agentId" | "runId" | "payload">,
): Mem0AddRequest {
  const { messages, metadata, infer, expirationDate } = row.payload;
  const req: Mem0AddRequest = { messages };
  if (row.userId) req.userId = row.userId;
  if (row.agentId) req.agentId = row.agentId;
  if (row.runId) req.runId = row.runId;
  req.metadata = { ...metadata, [JOB_MARKER_KEY]: row.id };
  if (infer !== undefined) req.infer = infer;
  if (expirationDate !== undefined) req.expirationDate = expirationDate;
  return req;
}

/** One delivery with a hard deadline (see withDeadline). */
export function deliver(writer: Mem0Writer, row: ClaimedJob, timeoutMs: number): Promise<DeliveryResult> {
  return withDeadline(timeoutMs, (signal) =>
    writer.add(toAddRequest(row), { signal, timeoutMs, requestId: `outbox-${row.id}` }),
  );
}

/**
 * A mem0 call with a hard deadline. The signal asks the writer to abort its request; the race makes sure
 * the relay moves on even if a writer ignores the signal (its lease then protects the row).
 */
export async function withDeadline<T>(
  timeoutMs: number,
  call: (signal: AbortSignal) => Promise<T>,
): Promise<{ ok: true; outcome: T } | { ok: false; error: unknown }> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new DeliveryTimeoutError(timeoutMs);
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  try {
    return { ok: true, outcome: await Promise.race([call(controller.signal), deadline]) };
  } catch (error) {
    return { ok: false, error };
  } finally {
    clearTimeout(timer);
  }
}

function shape(error: unknown): Mem0ErrorShape {
  return typeof error === "object" && error !== null ? (error as Mem0ErrorShape) : {};
}

/** mem0-client refused the call because its breaker is open: not an attempt, the row goes back as it was. */
export function isCircuitOpen(error: unknown): boolean {
  return shape(error).kind === "circuit_open";
}

/**
 * mem0 rejected the request itself (400/422, validation): retrying the same body cannot succeed, so the job
 * is dead-lettered at once for a human to look at (and replay once fixed). Everything else (timeouts,
 * 5xx, 429, connection errors, auth) is retried with backoff: those heal when mem0 or its config does.
 */
export function isPermanentFailure(error: unknown): boolean {
  const { kind, status } = shape(error);
  return kind === "validation" || status === 400 || status === 422;
}

/** A short, secret-free description for `last_error`. */
export function describeError(error: unknown): string {
  const { kind, status, message } = shape(error);
  const name = error instanceof Error ? error.name : typeof error;
  const tags = [kind, status].filter((t) => t !== undefined).join(" ");
  // NUL cannot be stored in a PostgreSQL text or jsonb value.
  const text = `${name}${tags ? ` [${tags}]` : ""}: ${message ?? String(error)}`.replaceAll("\u0000", "");
  return text.length > 500 ? `${text.slice(0, 497)}...` : text;
}
