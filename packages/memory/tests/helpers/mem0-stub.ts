/**
 * A loopback stand-in for mem0's self-hosted REST server, for fault injection (R3) and for measuring our own
 * overhead against a zero-work upstream (P2). It answers /search, /memories (GET list, GET by id) and
 * /auth/setup-status with fixed, valid bodies, and can misbehave on demand.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type StubMode =
  | { kind: "ok" }
  | { kind: "slow"; delayMs: number }
  | { kind: "status"; status: number }
  | { kind: "garbage" }
  | { kind: "reset" }
  | { kind: "hang" };

export interface Mem0Stub {
  url: string;
  apiKey: string;
  setMode(mode: StubMode): void;
  requests(): number;
  close(): Promise<void>;
}

export const STUB_USER_ID = "workspace_w1_user_alice";

function memory(i: number, userId: string) {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    memory: `Stub memory number ${i} about the flight to Lisbon`,
    hash: null,
    metadata: null,
    user_id: userId,
    agent_id: null,
    run_id: null,
    created_at: "2025-01-01T00:00:00Z",
    updated_at: null,
    score: 0.9 - i * 0.01,
  };
}

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

function reply(res: ServerResponse, status: number, payload: unknown) {
  const text = JSON.stringify(payload);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

export async function startMem0Stub(options: { results?: number } = {}): Promise<Mem0Stub> {
  const results = options.results ?? 3;
  let mode: StubMode = { kind: "ok" };
  let count = 0;
  const sockets = new Set<import("node:net").Socket>();
  const server: Server = createServer(async (req, res) => {
    count++;
    const current = mode;
    if (current.kind === "reset") {
      req.socket.destroy();
      return;
    }
    if (current.kind === "hang") return; // never answers; the client's deadline must fire
    const payload: Record<string, unknown> = req.method === "POST" ? await body(req).catch(() => ({})) : {};
    if (current.kind === "slow") await new Promise((r) => setTimeout(r, current.delayMs));
    if (current.kind === "status") return reply(res, current.status, { detail: "injected failure" });
    if (current.kind === "garbage") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end("{not json at all");
      return;
    }
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/auth/setup-status") return reply(res, 200, { needsSetup: false });
    if (path === "/search") {
      const filters = (payload.filters ?? {}) as Record<string, string>;
      const userId = filters.user_id ?? STUB_USER_ID;
      return reply(res, 200, { results: Array.from({ length: results }, (_, i) => memory(i, userId)) });
    }
    if (path === "/memories" && req.method === "GET") {
      return reply(res, 200, { results: Array.from({ length: results }, (_, i) => memory(i, STUB_USER_ID)) });
    }
    if (path?.startsWith("/memories/") && req.method === "GET")
      return reply(res, 200, memory(0, STUB_USER_ID));
    return reply(res, 404, { detail: "Not Found" });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey: "stub-key",
    setMode: (m) => {
      mode = m;
    },
    requests: () => count,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
