import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/**
 * A loopback stand-in for mem0's self-hosted REST server, for fault injection (mem0 down, erroring,
 * hanging, slow) and for counting exactly what reached "mem0". It speaks the slice of the server contract
 * the outbox uses (docs/mem0-contract.md section 1): POST /memories (infer off semantics: one memory per
 * non-system message), GET /memories (scoped list, top_k), POST /search with exact id and metadata filters
 * (the relay's "did my add land?" check; every match scores 1, there are no embeddings), GET
 * /auth/setup-status, X-API-Key auth, FastAPI-style error bodies.
 */
export type StubMode = "up" | "refuse" | "error" | "hang";

export interface StubAdd {
  memoryIds: string[];
  body: AddBody;
  receivedAt: number;
  /** When the response was written; undefined while in flight or if the client went away. */
  respondedAt?: number;
}

export interface AddBody {
  messages: { role: string; content: string }[];
  user_id?: string | null;
  agent_id?: string | null;
  run_id?: string | null;
  metadata?: Record<string, unknown> | null;
  infer?: boolean | null;
  expiration_date?: string | null;
}

export interface StubMemory {
  id: string;
  memory: string;
  user_id?: string;
  agent_id?: string;
  run_id?: string;
  metadata: Record<string, unknown> | null;
  created_at: string;
}

/** Answers a request instead of the stub (return undefined to let it through). */
export type StubFault = (body: AddBody) => { status: number; body: unknown } | undefined;

export interface Mem0Stub {
  url: string;
  apiKey: string;
  mode(): StubMode;
  /** "refuse" closes the listening socket (connection refused) and drops open connections. */
  setMode(mode: StubMode): Promise<void>;
  setLatency(ms: number): void;
  setFault(fault: StubFault | undefined): void;
  adds(): readonly StubAdd[];
  memories(): readonly StubMemory[];
  /** Requests received and not yet answered. */
  inFlight(): number;
  /** Forgets the recorded adds and memories. */
  clear(): void;
  close(): Promise<void>;
}

export interface Mem0StubOptions {
  port?: number;
  apiKey?: string;
  latencyMs?: number;
  /** Keep the add bodies (default true; the benchmark turns it off to stay flat in memory). */
  record?: boolean;
}

export async function startMem0Stub(options: Mem0StubOptions = {}): Promise<Mem0Stub> {
  const apiKey = options.apiKey ?? `stub-${randomUUID()}`;
  const record = options.record ?? true;
  const adds: StubAdd[] = [];
  const memories: StubMemory[] = [];
  const sockets = new Set<Socket>();
  let mode: StubMode = "up";
  let latencyMs = options.latencyMs ?? 0;
  let fault: StubFault | undefined;
  let inFlight = 0;
  let server: Server;
  let port = options.port ?? 0;

  const listen = async () => {
    server = createServer((req, res) => void handle(req, res));
    server.keepAliveTimeout = 30_000;
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

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    inFlight++;
    res.on("close", () => inFlight--);
    const raw = await readBody(req).catch(() => null);
    if (raw === null) return;
    if (mode === "hang") return; // never answered; dropped on the next mode change or close()
    if (mode === "error") return send(res, 503, { detail: "stub: mem0 unavailable (fault injected)" });
    if (req.headers["x-api-key"] !== apiKey) return send(res, 401, { detail: "Invalid API key." });
    const url = new URL(req.url ?? "/", "http://stub");
    if (req.method === "GET" && url.pathname === "/auth/setup-status")
      return send(res, 200, { needsSetup: false });
    if (req.method === "GET" && url.pathname === "/memories") return list(url, res);
    if (req.method === "POST" && url.pathname === "/search") return search(raw, res);
    if (req.method !== "POST" || url.pathname !== "/memories") return send(res, 404, { detail: "Not Found" });
    let body: AddBody;
    try {
      body = JSON.parse(raw) as AddBody;
    } catch {
      return send(res, 422, { detail: [{ type: "json_invalid", loc: ["body"], msg: "JSON decode error" }] });
    }
    const invalid = validate(body);
    if (invalid) return send(res, invalid.status, { detail: invalid.detail });
    const injected = fault?.(body);
    if (injected) return send(res, injected.status, injected.body);
    const entry: StubAdd = { memoryIds: [], body: record ? body : { messages: [] }, receivedAt: Date.now() };
    adds.push(entry);
    const results = body.messages
      .filter((m) => m.role !== "system")
      .map((m) => {
        const memory: StubMemory = {
          id: randomUUID(),
          memory: m.content,
          metadata: body.metadata ?? null,
          created_at: new Date().toISOString(),
          ...(body.user_id ? { user_id: body.user_id } : {}),
          ...(body.agent_id ? { agent_id: body.agent_id } : {}),
          ...(body.run_id ? { run_id: body.run_id } : {}),
        };
        entry.memoryIds.push(memory.id);
        if (record) memories.push(memory);
        return { id: memory.id, memory: m.content, event: "ADD", actor_id: null, role: m.role };
      });
    if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs));
    if (res.destroyed) return;
    send(res, 200, { results });
    entry.respondedAt = Date.now();
  }

  function list(url: URL, res: ServerResponse): void {
    const ids = ["user_id", "agent_id", "run_id"].map((k) => [k, url.searchParams.get(k)] as const);
    const topK = Number(url.searchParams.get("top_k") ?? 20);
    if (ids.every(([, v]) => !v)) send(res, 400, { detail: "At least one identifier is required." });
    else if (!Number.isInteger(topK) || topK < 0 || topK > 1000)
      send(res, 422, { detail: [{ type: "less_than_equal", loc: ["query", "top_k"], msg: "0..1000" }] });
    else {
      const match = memories.filter((m) =>
        ids.every(([k, v]) => !v || (m as unknown as Record<string, unknown>)[k] === v),
      );
      send(res, 200, { results: match.slice(0, topK) });
    }
  }

  function search(raw: string, res: ServerResponse): void {
    let body: { filters?: Record<string, unknown>; top_k?: number };
    try {
      body = JSON.parse(raw) as typeof body;
    } catch {
      send(res, 422, { detail: [{ type: "json_invalid", loc: ["body"], msg: "JSON decode error" }] });
      return;
    }
    const filters = body.filters ?? {};
    if (!["user_id", "agent_id", "run_id"].some((k) => filters[k])) {
      send(res, 400, { detail: "filters must contain at least one of: user_id, agent_id, run_id." });
      return;
    }
    const match = memories.filter((m) =>
      Object.entries(filters).every(([k, v]) =>
        ["user_id", "agent_id", "run_id"].includes(k)
          ? (m as unknown as Record<string, unknown>)[k] === v
          : m.metadata?.[k] === v,
      ),
    );
    send(res, 200, { results: match.slice(0, body.top_k ?? 10).map((m) => ({ ...m, score: 1 })) });
  }

  await listen();
  return {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    apiKey,
    mode: () => mode,
    async setMode(next) {
      if (next === mode) return;
      const previous = mode;
      mode = next;
      if (next === "refuse") await unlisten();
      else if (previous === "refuse") await listen();
      // Requests left hanging end as reset connections, as they would when a stuck server is restarted.
      else if (previous === "hang") for (const s of sockets) s.destroy();
    },
    setLatency: (ms) => {
      latencyMs = ms;
    },
    setFault: (f) => {
      fault = f;
    },
    adds: () => adds,
    memories: () => memories,
    inFlight: () => inFlight,
    clear: () => {
      adds.length = 0;
      memories.length = 0;
    },
    async close() {
      if (mode !== "refuse") await unlisten();
      mode = "refuse";
    },
  };
}

function validate(body: AddBody): { status: number; detail: unknown } | undefined {
  const okMessages =
    Array.isArray(body?.messages) &&
    body.messages.every((m) => typeof m?.role === "string" && typeof m?.content === "string");
  if (!okMessages)
    return { status: 422, detail: [{ type: "missing", loc: ["body", "messages"], msg: "Field required" }] };
  if (!body.user_id && !body.agent_id && !body.run_id)
    return { status: 400, detail: "At least one identifier (user_id, agent_id, run_id) is required." };
  return undefined;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
