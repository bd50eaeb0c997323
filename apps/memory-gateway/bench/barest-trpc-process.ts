/**
 * P3 reference: the barest tRPC server in front of mem0-client (reference-routers.ts), on tRPC's standalone
 * adapter as the gateway uses it. Its ratio against the direct client is what tRPC's HTTP path allows on
 * the shared cores before any of our router's work. argv[2]: the mem0 stub's URL.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createMem0Client } from "@automatos/mem0-client";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { barestRouter } from "./reference-routers.js";

const mem0 = createMem0Client({ baseUrl: process.argv[2] as string, apiKey: "bench-stub-key" });
const server = createServer(
  createHTTPHandler({ router: barestRouter(mem0), basePath: "/trpc/", allowMethodOverride: true }),
);
server.listen(0, "127.0.0.1", () => {
  process.send?.({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
});
process.on("disconnect", () => process.exit(0));
