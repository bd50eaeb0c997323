/**
 * A loopback HTTP server (node:http, 127.0.0.1, port 0 unless given) that answers through a handler, with
 * fault injection on top: scripted or standing faults (stub-faults.ts), a whole-server mode (up, error,
 * hang, refuse), a latency added to every answer, and counters (requests received, requests in flight).
 * Test double for what cannot run here (a remote mem0); never used in production.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { type Fault, FaultList } from "./stub-faults.js";
import { send, wait } from "./stub-send.js";
import type { StubHandler, StubMode, StubReply, StubRequest } from "./stub-types.js";

export type { Fault } from "./stub-faults.js";
export type { StubHandler, StubMode, StubReply, StubRequest } from "./stub-types.js";

export interface StubServerOptions {
  /** Keep every request in `requests` (default true; long benchmarks turn it off to stay flat). */
  record?: boolean;
  /** Listen on this port (default: an ephemeral one). */
  port?: number;
  /** Added before every answer of the handler (after the handler ran: its effects land first). */
  latencyMs?: number;
}

export interface StubServer {
  url: string;
  /** Every request received, in order (bodies included), when recording. */
  requests: StubRequest[];
  inject(fault: Fault): void;
  clearFaults(): void;
  mode(): StubMode;
  setMode(mode: StubMode): Promise<void>;
  setLatency(ms: number): void;
  /** Requests received so far (counted even when not recording). */
  requestCount(): number;
  /** Requests received and not yet answered. */
  inFlight(): number;
  close(): Promise<void>;
}

const UNAVAILABLE: StubReply = { status: 503, body: { detail: "stub: mem0 unavailable (fault injected)" } };

export async function startStubServer(
  handler: StubHandler,
  opts: StubServerOptions = {},
): Promise<StubServer> {
  const faults = new FaultList();
  const requests: StubRequest[] = [];
  const record = opts.record ?? true;
  const sockets = new Set<Socket>();
  let latencyMs = opts.latencyMs ?? 0;
  let mode: StubMode = "up";
  let count = 0;
  let inFlight = 0;
  let port = opts.port ?? 0;
  let server: Server;

  const answer = async (req: StubRequest): Promise<StubReply | undefined> => {
    if (mode === "hang") return undefined;
    if (mode === "error") return UNAVAILABLE;
    const reply = faults.take(req) ?? (await handler(req));
    if (latencyMs > 0) await wait(latencyMs);
    return reply;
  };

  const listen = async () => {
    server = createServer((req, res) => {
      count++;
      inFlight++;
      res.on("close", () => inFlight--);
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
        answer(stubReq).then(
          (reply) => (reply ? send(res, reply) : undefined),
          () => send(res, { status: 500, raw: "Internal Server Error" }),
        );
      });
    });
    server.keepAliveTimeout = 60_000;
    server.on("connection", (s) => {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
    port = (server.address() as AddressInfo).port;
  };

  const unlisten = async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const s of sockets) s.destroy();
    await closed;
  };

  await listen();
  return {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    requests,
    inject: (f) => faults.inject(f),
    clearFaults: () => faults.clear(),
    mode: () => mode,
    async setMode(next) {
      if (next === mode) return;
      const previous = mode;
      mode = next;
      if (next === "refuse") await unlisten();
      else if (previous === "refuse") await listen();
      // Requests left hanging end as reset connections, as when a stuck server is restarted.
      else if (previous === "hang") for (const s of sockets) s.destroy();
    },
    setLatency: (ms) => {
      latencyMs = ms;
    },
    requestCount: () => count,
    inFlight: () => inFlight,
    async close() {
      if (mode !== "refuse") await unlisten();
      mode = "refuse";
    },
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
