/**
 * One HTTP exchange with mem0 over undici. `Dispatcher.request` (not fetch) is used on purpose: it skips the
 * WHATWG Request/Response/stream machinery that makes fetch ~3x slower (see bench/ and the README).
 * Everything that can go wrong here comes out as a Mem0Error; nothing here retries.
 */
import { Agent, type Dispatcher } from "undici";
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
    let responseHeaders: Record<string, string | string[] | undefined>;
    try {
      const res = await dispatcher.request({
        origin,
        path,
        method: call.method,
        headers,
        body,
        headersTimeout: headersMs,
        bodyTimeout: bodyMs,
        signal: ctx.signal,
      });
      status = res.statusCode;
      responseHeaders = res.headers;
      text = await res.body.text();
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
