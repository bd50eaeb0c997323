/**
 * Reference for the overhead benchmarks: the same memory router served by tRPC's standalone handler with
 * nothing of the gateway around it (no authentication, metrics, logs, limits; a fixed principal). Comparing
 * direct -> bare router -> gateway splits the added latency into "tRPC + router" and "the gateway's own".
 * argv[2]: the mem0 stub URL, argv[3]: a data dir for the stack's PGlite.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { appRouter, silentLogger } from "@automatos/memory/server";
import { createMemoryStack } from "@automatos/memory/stack";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";

const [stubUrl, dataDir] = process.argv.slice(2) as [string, string];
const stack = await createMemoryStack({
  env: {
    mem0: { mode: "remote", url: stubUrl, apiKey: "bench-stub-key", dialect: "server" },
    database: { dataDir: join(dataDir, "pg") },
    logLevel: "silent",
  },
  logger: silentLogger(),
  relay: { start: false },
});
const principal = { app: "chatbot" as const, workspaceId: "bench-w", userId: "bench-u" };
const server = createServer(
  createHTTPHandler({
    router: appRouter,
    basePath: "/trpc/",
    allowMethodOverride: true,
    createContext: () => stack.createContext(principal),
  }),
);
server.listen(0, "127.0.0.1", () => {
  process.send?.({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
});
const stop = () => {
  server.close();
  stack.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on("SIGTERM", stop);
process.on("disconnect", stop);
