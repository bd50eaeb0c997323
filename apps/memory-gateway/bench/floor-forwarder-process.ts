/**
 * P3 reference, not a gateway: the thinnest HTTP hop in front of mem0-client that the machine allows —
 * node:http, JSON in, `mem0.search`, JSON out; no tRPC, no authentication, no validation. Whatever ratio it
 * reaches against the direct client is the ceiling of any unbatched HTTP hop on the shared cores, which tells
 * how much of the gateway's P3 gap is the hop itself and how much is what runs inside it.
 * argv[2]: the mem0 stub's URL. Reports `{ url }` over IPC.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createMem0Client } from "@automatos/mem0-client";
import { BENCH_USER_FILTER } from "./reference-routers.js";

const mem0 = createMem0Client({ baseUrl: process.argv[2] as string, apiKey: "bench-stub-key" });
const server = createServer((req, res) => {
  let body = "";
  req.on("data", (c: Buffer) => {
    body += c;
  });
  req.on("end", async () => {
    const { query } = JSON.parse(body) as { query: string };
    const memories = await mem0.search({ query, filters: BENCH_USER_FILTER, topK: 10 });
    const out = JSON.stringify({ memories });
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(out) });
    res.end(out);
  });
});
server.listen(0, "127.0.0.1", () => {
  process.send?.({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
});
process.on("disconnect", () => process.exit(0));
