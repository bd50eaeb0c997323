/**
 * Exactly-once on top of at-least-once. Every add carries its outbox job id in metadata (`automatos_job`):
 *  - the embedded mem0 answers a second add with the same key and ids with the memory already stored
 *    (packages/mem0-embedded, job-key.ts), so a repeated add is harmless there;
 *  - an external mem0 server stores the key like any metadata, so after an attempt whose outcome the relay
 *    could not observe (a timeout, a reset connection, a 5xx, a relay that died mid-delivery) the relay first
 *    looks for memories carrying the key in the job's scope, and records the job as delivered if it finds
 *    them, instead of adding again.
 * The window that remains on an external server: an add still being processed when the lookup runs (queued
 * behind a slow LLM extraction, or a platform add still pending as an event) is not found, and the add is
 * sent again. Clean refusals (connection refused, 4xx, 429, breaker open) never reached mem0 and need no
 * lookup.
 */
import type { ClaimedJob } from "./claim.js";
import type { Mem0ErrorShape, Mem0FindRequest } from "./mem0-writer.js";

export const JOB_MARKER_KEY = "automatos_job";

/** Prefix of `last_error` for a failed attempt that may have been applied by mem0. */
export const AMBIGUOUS_TAG = "ambiguous: ";

/** Network errors raised before a request could reach mem0. */
const NOT_SENT = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** Whether mem0 may have applied an add that failed with `error`. Unknown errors count as ambiguous. */
export function isAmbiguousFailure(error: unknown): boolean {
  const { kind, status, causeCode } = (
    typeof error === "object" && error !== null ? error : {}
  ) as Mem0ErrorShape;
  if (causeCode && NOT_SENT.has(causeCode)) return false;
  if (status !== undefined) return status >= 500 || status === 408;
  if (kind === undefined) return true;
  return kind === "timeout" || kind === "unavailable" || kind === "upstream" || kind === "bad_response";
}

/** The claim follows an attempt that may have landed: a tagged failure, or an expired lease. */
export function followsAmbiguousAttempt(row: Pick<ClaimedJob, "attempts" | "lastError">): boolean {
  if (row.attempts < 2 || !row.lastError) return false;
  return row.lastError.startsWith(AMBIGUOUS_TAG) || /^lease of relay .* expired/.test(row.lastError);
}

/** The lookup for a job's marker, or null when the job has no text to search with. */
export function markerLookup(
  row: Pick<ClaimedJob, "id" | "userId" | "agentId" | "runId" | "payload">,
): Mem0FindRequest | null {
  const text = row.payload.messages.find((m) => m.role !== "system" && m.content.trim() !== "")?.content;
  if (!text) return null;
  const req: Mem0FindRequest = { metadata: { [JOB_MARKER_KEY]: row.id }, query: text };
  if (row.userId) req.userId = row.userId;
  if (row.agentId) req.agentId = row.agentId;
  if (row.runId) req.runId = row.runId;
  return req;
}
