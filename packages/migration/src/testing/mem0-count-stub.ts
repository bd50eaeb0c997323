/**
 * A minimal loopback stand-in for mem0's self-hosted REST server for throughput benchmarks: `POST /memories`
 * answers like the server with infer off (one memory id per non-system message) but stores nothing except
 * counters, so a million adds cost the stub no memory and no time. It still checks what a real server would
 * reject (no entity id, empty messages) and records every legacy_id it saw, so the benchmark can prove
 * every row arrived exactly once. Search finds nothing (the benchmark starts from an empty mem0).
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface CountStubStats {
  adds: number;
  memories: number;
  rejected: number;
  distinctLegacyIds: number;
  repeatedLegacyIds: number;
}

export interface CountStub {
  url: string;
  stats(): CountStubStats;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return chunks.length ? (JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>) : {};
}

export async function startCountStub(): Promise<CountStub> {
  const seen = new Set<string>();
  const s: CountStubStats = { adds: 0, memories: 0, rejected: 0, distinctLegacyIds: 0, repeatedLegacyIds: 0 };
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && path === "/auth/setup-status") return send(res, 200, { needsSetup: false });
    if (req.method === "GET" && path === "/memories") return send(res, 200, { results: [] });
    if (req.method === "POST" && (path === "/memories" || path === "/search")) {
      readJson(req).then(
        (body) => {
          if (path === "/search") return send(res, 200, { results: [] });
          const messages = Array.isArray(body.messages)
            ? (body.messages as { role?: string; content?: string }[])
            : [];
          if (!body.user_id && !body.agent_id && !body.run_id) {
            s.rejected++;
            return send(res, 400, { detail: "At least one of user_id, agent_id or run_id is required." });
          }
          s.adds++;
          const legacyId = (body.metadata as Record<string, unknown> | undefined)?.legacy_id;
          if (typeof legacyId === "string") {
            if (seen.has(legacyId)) s.repeatedLegacyIds++;
            else seen.add(legacyId);
          }
          const results = messages
            .filter((m) => m.role !== "system")
            .map((m) => ({
              id: randomUUID(),
              memory: String(m.content ?? ""),
              event: "ADD",
              actor_id: null,
              role: m.role,
            }));
          s.memories += results.length;
          send(res, 200, { results });
        },
        () => send(res, 422, { detail: [{ type: "json_invalid", loc: ["body"], msg: "JSON decode error" }] }),
      );
      return;
    }
    send(res, 404, { detail: "Not Found" });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats: () => ({ ...s, distinctLegacyIds: seen.size }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
