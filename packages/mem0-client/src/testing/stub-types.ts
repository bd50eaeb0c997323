/** The request and reply shapes of the loopback stub server and its handlers. */
import type { IncomingMessage } from "node:http";

export interface StubRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  rawBody: string;
  /** The body parsed as JSON; `undefined` when empty or not JSON. */
  body: unknown;
}

export interface StubReply {
  status?: number;
  /** Serialised as JSON unless `raw` is given. `null` is sent as the JSON literal null. */
  body?: unknown;
  /** Sent verbatim instead of `body` (for garbage, empty or plain-text bodies). */
  raw?: string;
  headers?: Record<string, string>;
  /** Wait this long before sending the status line and headers. */
  delayHeadersMs?: number;
  /** Send headers and the first half of the body, then wait this long before the rest. */
  delayBodyMs?: number;
  /** Destroy the socket instead of answering. */
  reset?: boolean;
}

export type StubHandler = (req: StubRequest) => StubReply | Promise<StubReply>;

/**
 * Whole-server availability: `up` answers; `error` answers 503 to everything (before auth); `hang` reads
 * requests and never answers (they end as reset connections on the next mode change or close); `refuse`
 * closes the listening socket and drops open connections (connection refused), reopening on the same port.
 */
export type StubMode = "up" | "error" | "hang" | "refuse";
