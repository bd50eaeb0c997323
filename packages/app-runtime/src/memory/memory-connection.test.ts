import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { gatewayConnection, trpcEndpoint } from "./memory-connection.js";

describe("trpcEndpoint", () => {
  it("appends /trpc to a base URL once, and keeps one that already ends in /trpc", () => {
    expect(trpcEndpoint("http://127.0.0.1:8787")).toBe("http://127.0.0.1:8787/trpc");
    expect(trpcEndpoint("http://gw.internal/memory/")).toBe("http://gw.internal/memory/trpc");
    expect(trpcEndpoint("http://127.0.0.1:8787/trpc/")).toBe("http://127.0.0.1:8787/trpc");
  });
});

describe("gatewayConnection", () => {
  let server: Server | undefined;
  afterEach(async () => {
    const running = server;
    server = undefined;
    if (!running) return;
    running.closeAllConnections();
    await new Promise((resolve) => running.close(resolve));
  });

  /** A loopback HTTP server that answers every request with a JSON error and counts its open sockets. */
  async function countingServer() {
    const open = new Set<Socket>();
    server = createServer((req, res) => {
      req.resume();
      req.on("end", () => res.writeHead(500, { "content-type": "application/json" }).end("{}"));
    });
    server.on("connection", (socket: Socket) => {
      open.add(socket);
      socket.on("close", () => open.delete(socket));
    });
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, open };
  }

  it("refuses a call without the user's token, naming the field", () => {
    const connection = gatewayConnection("chatbot", {
      url: "http://127.0.0.1:1",
      serviceToken: "x".repeat(24),
    });
    expect(() => connection.clientFor({ workspaceId: "acme", userId: "alice" })).toThrow(
      "userToken: required to call memory through the gateway",
    );
  });

  it("leaves its keep-alive connections open after calls and closes them on close()", async () => {
    const { url, open } = await countingServer();
    const connection = gatewayConnection("chatbot", { url, serviceToken: "x".repeat(24) });
    const client = connection.clientFor({ workspaceId: "acme", userId: "alice", userToken: "a.b.c" });
    await expect(client.memory.health.query()).rejects.toThrow();
    expect(open.size).toBeGreaterThan(0); // keep-alive: the pool holds the socket after the call
    await connection.close();
    for (let i = 0; i < 100 && open.size > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(open.size).toBe(0);
    await expect(client.memory.health.query()).rejects.toThrow();
  });
});
