/**
 * A zero-latency mem0 stub (run in its own process by mem0-stub.ts, so its CPU does not compete with the code
 * being measured). It speaks just enough of the self-hosted server dialect for the benchmarks: `POST /search`
 * answers a fixed small result (scoped to the caller's user_id, as mem0 would), the probes answer at once.
 * Nothing here is used by tests: those run against the real embedded mem0.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const STAMP = "2026-01-01T00:00:00.000000+00:00";
const memory = (i: number, userId: unknown) => ({
  id: `00000000-0000-4000-8000-00000000000${i}`,
  memory: `stub memory ${i}: the user prefers green tea in the morning`,
  hash: `hash${i}`,
  metadata: null,
  score: 0.9 - i * 0.1,
  created_at: STAMP,
  updated_at: STAMP,
  user_id: userId,
});

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const path = (req.url ?? "/").split("?", 1)[0];
    let body: string;
    if (req.method === "POST" && path === "/search") {
      const filters = (
        JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as { filters?: { user_id?: unknown } }
      ).filters;
      body = JSON.stringify({ results: [memory(1, filters?.user_id), memory(2, filters?.user_id)] });
    } else if (req.method === "GET" && path === "/auth/setup-status") {
      body = '{"needsSetup":false}';
    } else if (req.method === "GET" && path === "/memories") {
      body = '{"results":[]}';
    } else if (req.method === "POST" && path === "/memories") {
      body = '{"results":[]}';
    } else {
      res.writeHead(404, { "content-type": "application/json" }).end('{"detail":"Not Found"}');
      return;
    }
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  process.send?.({ url: `http://127.0.0.1:${port}` });
});
process.on("disconnect", () => process.exit(0));
