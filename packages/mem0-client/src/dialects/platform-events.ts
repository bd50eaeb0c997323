/**
 * The platform's add is asynchronous: it answers `{event_id, status: "PENDING"}` and extraction happens
 * later (mem0-contract §2.2, §4 "Asynchronous add"). A successful add therefore does not mean a stored
 * memory; we poll `GET /v1/event/{id}/` until SUCCEEDED/FAILED, and past the deadline return the event id as
 * `pending` rather than pretending.
 */
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { type Exchange, parseWith } from "../core/exchange.js";
import { Mem0Error } from "../errors.js";
import { platformEventResponse } from "../schemas/platform-schemas.js";
import type { AddResult, CallOptions } from "../types.js";

export interface PollSettings {
  intervalMs: number;
  deadlineMs: number;
}

const parseEvent = parseWith(platformEventResponse, (e) => e);

export async function pollEvent(
  exchange: Exchange,
  eventId: string,
  poll: PollSettings,
  opts: CallOptions & { requestId: string },
  /** performance.now() at which the caller's own timeoutMs runs out, if it set one. */
  callDeadline: number | undefined,
): Promise<AddResult> {
  const pollUntil = Math.min(performance.now() + poll.deadlineMs, callDeadline ?? Number.POSITIVE_INFINITY);
  const path = `/v1/event/${encodeURIComponent(eventId)}/`;
  for (;;) {
    const remaining = callDeadline === undefined ? undefined : Math.max(1, callDeadline - performance.now());
    const event = await exchange(
      { method: "GET", path },
      { safe: true, parse: parseEvent },
      { ...opts, timeoutMs: remaining },
    );
    if (event.status === "SUCCEEDED") {
      return { status: "done", results: (event.results ?? []).map((r) => ({ ...r })) };
    }
    if (event.status === "FAILED") {
      const detail = typeof event.error === "string" ? event.error : JSON.stringify(event.error ?? "unknown");
      throw new Mem0Error({
        kind: "upstream",
        message: `mem0 platform event ${eventId} failed: ${detail}`,
        detail,
        code: "event_failed",
        requestId: opts.requestId,
        retryable: false,
      });
    }
    if (performance.now() + poll.intervalMs >= pollUntil) return { status: "pending", eventId };
    try {
      await sleep(poll.intervalMs, undefined, { signal: opts.signal });
    } catch {
      throw new Mem0Error({
        kind: "aborted",
        message: `polling platform event ${eventId} was aborted by the caller`,
        requestId: opts.requestId,
      });
    }
  }
}
