/**
 * One HTTP exchange with mem0 over undici. `Dispatcher.dispatch` with a handler that collects the body (not
 * fetch, and not `Dispatcher.request`) is used on purpose: fetch's WHATWG Request/Response/stream machinery
 * makes it ~3x slower (see bench/ and the README), and `request` still wraps every response in a Readable
 * stream, an AsyncResource and a second header parse that a small JSON body does not need.
 * Everything that can go wrong here comes out as a Mem0Error; nothing here retries.
 */
import type { IncomingHttpHeaders } from "node:http";
import { Agent, type Dispatcher, errors } from "undici";
import { Mem0Error } from "../errors.js";
import { type AttemptSignals, networkError, parseRetryAfter } from "./network-errors.js";
import { errorFromResponse } from "./status-errors.js";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

export interface HttpCall {
  method: HttpMethod;
  /** Path below the base URL, already encoded (ids are UUID-checked before they get here). */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
}

export interface HttpReply {
  status: number;
  json: unknown;
  /** The response's X-Request-ID, or the one we sent when mem0 echoed none. */
  requestId: string;
}

export interface AttemptContext extends AttemptSignals {
  requestId: string;
  /** The combined caller + deadline signal handed to undici. */
  signal?: AbortSignal;
}

export interface TransportOptions {
  baseUrl: string;
  authHeaders: Record<string, string>;
  timeouts: { connectMs: number; headersMs: number; bodyMs: number };
  connections: number;
  dispatcher?: Dispatcher;
}

export interface Transport {
  send(call: HttpCall, ctx: AttemptContext): Promise<HttpReply>;
  close(): Promise<void>;
}

export function createTransport(opts: TransportOptions): Transport {
  const url = new URL(opts.baseUrl);
  const origin = url.origin;
  // A base URL may carry a prefix (https://host/mem0); paths are appended to it without a trailing slash.
  const basePath = url.pathname.replace(/\/+$/, "");
  const owned = opts.dispatcher === undefined;
  const dispatcher =
    opts.dispatcher ??
    new Agent({
      connections: opts.connections,
      connect: { timeout: opts.timeouts.connectMs },
      keepAliveTimeout: 10_000,
      keepAliveMaxTimeout: 60_000,
    });
  const { headersMs, bodyMs } = opts.timeouts;

  async function send(call: HttpCall, ctx: AttemptContext): Promise<HttpReply> {
    const path = basePath + call.path + queryString(call.query);
    const where = `${call.method} ${call.path}`;
    const headers: Record<string, string> = { ...opts.authHeaders, "x-request-id": ctx.requestId };
    let body: string | undefined;
    if (call.body !== undefined) {
      body = JSON.stringify(call.body);
      headers["content-type"] = "application/json";
    }
    let status: number;
    let text: string;
    let responseHeaders: IncomingHttpHeaders;
    try {
      const res = await new Promise<BufferedResponse>((resolve, reject) => {
        const handler = new BufferingHandler(resolve, reject, ctx.signal);
        const options: Dispatcher.RequestOptions = {
          origin,
          path,
          method: call.method,
          headers,
          body,
          headersTimeout: headersMs,
          bodyTimeout: bodyMs,
          // undici's HTTP/1 client ignores it (the handler aborts); interceptors read it (a caller giving up).
          signal: ctx.signal,
        };
        try {
          dispatcher.dispatch(options, handler);
        } catch (err) {
          handler.onResponseError(null, err as Error);
        }
      });
      status = res.status;
      responseHeaders = res.headers;
      text = res.text;
    } catch (err) {
      throw networkError(err, where, ctx, ctx.requestId);
    }
    const echoed = firstHeader(responseHeaders["x-request-id"]);
    if (status < 200 || status >= 300) {
      throw errorFromResponse({
        method: call.method,
        path: call.path,
        status,
        text,
        responseRequestId: echoed,
        sentRequestId: ctx.requestId,
        retryAfterMs: parseRetryAfter(responseHeaders["retry-after"]),
      });
    }
    const requestId = echoed ?? ctx.requestId;
    return { status, json: parseJson(text, where, status, requestId), requestId };
  }

  return {
    send,
    close: async () => {
      if (owned) await dispatcher.close();
    },
  };
}

interface BufferedResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body as UTF-8 (a leading byte order mark dropped, as undici's `body.text()` does). */
  text: string;
}

/**
 * Collects one response in memory (mem0's answers are small JSON documents) and settles once: what
 * `Dispatcher.request` + `body.text()` do, minus the stream. The signal aborts the exchange wherever it is
 * (queued, waiting for headers, reading the body), rejecting with the signal's reason as undici does.
 */
class BufferingHandler implements Dispatcher.DispatchHandler {
  private controller: Dispatcher.DispatchController | null = null;
  private status = 0;
  private headers: IncomingHttpHeaders = {};
  private chunks: Buffer[] = [];
  private settled = false;
  private readonly onAbort: (() => void) | null = null;

  constructor(
    private readonly resolve: (res: BufferedResponse) => void,
    private readonly reject: (err: unknown) => void,
    private readonly signal: AbortSignal | undefined,
  ) {
    if (signal && !signal.aborted) {
      this.onAbort = () => this.abort();
      signal.addEventListener("abort", this.onAbort, { once: true });
    }
  }

  private abort(): void {
    const reason = this.signal?.reason ?? new errors.RequestAbortedError();
    // Not started yet (queued for a connection): settle now, and refuse the start when it comes.
    this.controller?.abort(reason);
    this.fail(reason);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    if (this.settled || this.signal?.aborted) {
      controller.abort(this.signal?.reason ?? new errors.RequestAbortedError());
      return;
    }
    this.controller = controller;
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: IncomingHttpHeaders,
  ): void {
    this.status = statusCode;
    this.headers = headers;
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    // 1xx interim responses carry no body; a final response's chunks arrive after its onResponseStart.
    if (this.status >= 200) this.chunks.push(chunk);
  }

  onResponseEnd(): void {
    if (this.settled) return;
    this.settled = true;
    this.detach();
    const body = this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks);
    const bom = body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf;
    this.resolve({ status: this.status, headers: this.headers, text: body.toString("utf8", bom ? 3 : 0) });
  }

  onResponseError(_controller: Dispatcher.DispatchController | null, err: Error): void {
    this.fail(err);
  }

  private fail(err: unknown): void {
    if (this.settled) return;
    this.settled = true;
    this.detach();
    this.reject(err);
  }

  private detach(): void {
    if (this.onAbort) this.signal?.removeEventListener("abort", this.onAbort);
  }
}

function parseJson(text: string, where: string, status: number, requestId: string): unknown {
  if (text.length === 0 || text.trim().length === 0) {
    throw new Mem0Error({
      kind: "bad_response",
      message: `${where}: mem0 sent an empty body`,
      status,
      requestId,
    });
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new Mem0Error({
      kind: "bad_response",
      message: `${where}: mem0 sent a body that is not JSON (${text.length} bytes)`,
      status,
      requestId,
    });
  }
}

function firstHeader(v: string | string[] | undefined): string | undefined {
  const s = Array.isArray(v) ? v[0] : v;
  return s ? s : undefined;
}

function queryString(query: HttpCall["query"]): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.append(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : "";
}
