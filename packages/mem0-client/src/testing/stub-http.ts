/**
 * A loopback HTTP server (node:http, 127.0.0.1, port 0) that answers through a handler, with scripted
 * faults layered on top: slow headers, slow body, a reset connection, arbitrary status/body/headers.
 * Test double for what cannot run here (a remote mem0) and for fault injection; never used in production.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

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

export interface Fault {
  method?: string;
  /** Exact path, or a pattern tested against the path (without query). */
  path?: string | RegExp;
  /** Replies used in order, one per matching request; when used up, the fault is gone. */
  replies: StubReply[];
}

export interface StubServer {
  url: string;
  /** Every request received, in order (bodies included). */
  requests: StubRequest[];
  inject(fault: Fault): void;
  clearFaults(): void;
  close(): Promise<void>;
}

export async function startStubServer(
  handler: StubHandler,
  opts: { record?: boolean } = {},
): Promise<StubServer> {
  const faults: Fault[] = [];
  const requests: StubRequest[] = [];
  const record = opts.record ?? true;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const rawBody = chunks.length ? Buffer.concat(chunks).toString("utf8") : "";
      const url = new URL(req.url ?? "/", "http://stub");
      const stubReq: StubRequest = {
        method: req.method ?? "GET",
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        rawBody,
        body: parseMaybe(rawBody),
      };
      if (record) requests.push(stubReq);
      const fault = takeFault(faults, stubReq);
      Promise.resolve(fault ?? handler(stubReq)).then(
        (reply) => send(res, reply),
        () => send(res, { status: 500, raw: "Internal Server Error" }),
      );
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    inject: (f) => faults.push({ ...f, replies: [...f.replies] }),
    clearFaults: () => faults.splice(0),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parseMaybe(raw: string): unknown {
  if (!raw) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

function takeFault(faults: Fault[], req: StubRequest): StubReply | undefined {
  const i = faults.findIndex(
    (f) =>
      (!f.method || f.method === req.method) &&
      (!f.path || (typeof f.path === "string" ? f.path === req.path : f.path.test(req.path))),
  );
  if (i < 0) return undefined;
  const fault = faults[i] as Fault;
  const reply = fault.replies.shift();
  if (fault.replies.length === 0) faults.splice(i, 1);
  return reply;
}

async function send(res: ServerResponse, reply: StubReply): Promise<void> {
  if (reply.reset) {
    res.socket?.destroy();
    return;
  }
  if (reply.delayHeadersMs) await wait(reply.delayHeadersMs);
  if (res.destroyed) return;
  const text = reply.raw ?? (reply.body === undefined ? "" : JSON.stringify(reply.body));
  const payload = Buffer.from(text, "utf8");
  const headers: Record<string, string | number> = { "content-length": payload.length, ...reply.headers };
  if (reply.raw === undefined && reply.body !== undefined) headers["content-type"] = "application/json";
  res.writeHead(reply.status ?? 200, headers);
  if (reply.delayBodyMs && payload.length > 1) {
    const half = Math.floor(payload.length / 2);
    res.write(payload.subarray(0, half));
    await wait(reply.delayBodyMs);
    if (!res.destroyed) res.end(payload.subarray(half));
    return;
  }
  res.end(payload);
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
