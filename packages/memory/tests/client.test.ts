/**
 * createMemoryClient: the same procedures and types in process (localLink) and over HTTP (httpBatchLink over
 * undici), on the real stack. The HTTP side is a minimal standalone tRPC server whose createContext reads the
 * headers the gateway reads; token verification itself is the gateway's job and is tested there.
 */
import type { AddressInfo } from "node:net";
import type { Principal } from "@automatos/memory-policy";
import { TRPCClientError } from "@trpc/client";
import { createHTTPServer } from "@trpc/server/adapters/standalone";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryClient } from "../src/client/create-memory-client.js";
import { closeGatewayConnections } from "../src/client/gateway-agent.js";
import { MEMORY_HEADERS } from "../src/client/headers.js";
import { appRouter } from "../src/root.js";
import { P } from "../src/testing/principals.js";
import { STACK_HOOK_TIMEOUT_MS, startTestStack, type TestStack } from "../src/testing/test-stack.js";

let t: TestStack;
let server: ReturnType<typeof createHTTPServer>;
let url = "";
const seen: Record<string, string | undefined>[] = [];
/** One entry per HTTP request the server received: method, path, batch or not. */
const requests: string[] = [];
const TOKENS: Record<string, Principal> = { "user-token-alice": P.alice, "user-token-bob": P.bob };

beforeAll(async () => {
  t = await startTestStack();
  server = createHTTPServer({
    router: appRouter,
    // The typed client sends queries as POST (methodOverride), as the gateway allows.
    allowMethodOverride: true,
    createContext: async ({ req }) => {
      const h = (name: string) => req.headers[name] as string | undefined;
      requests.push(
        `${req.method} ${req.url?.split("?")[0]}${req.url?.includes("batch=1") ? " (batch)" : ""}`,
      );
      seen.push({
        authorization: h(MEMORY_HEADERS.serviceToken),
        user: h(MEMORY_HEADERS.userToken),
        source: h(MEMORY_HEADERS.source),
        requestId: h(MEMORY_HEADERS.requestId),
      });
      const ok = h(MEMORY_HEADERS.serviceToken) === "Bearer svc-chatbot";
      const principal = ok ? (TOKENS[h(MEMORY_HEADERS.userToken) ?? ""] ?? null) : null;
      return t.stack.createContext(principal, { requestId: h(MEMORY_HEADERS.requestId) ?? "" });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, STACK_HOOK_TIMEOUT_MS);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await closeGatewayConnections();
  await t?.close();
}, STACK_HOOK_TIMEOUT_MS);

/** A client of the test server as the chatbot, for the user the token names. */
const overHttp = (userToken: string) =>
  createMemoryClient({ source: "chatbot", gatewayUrl: url, serviceToken: "svc-chatbot", userToken });

describe("createMemoryClient", () => {
  it("in process: the router runs inside the app", async () => {
    const memory = createMemoryClient({
      source: "chatbot",
      inProcess: { router: t.stack.router, createContext: () => t.stack.createContext(P.alice) },
    });
    const added = await memory.memory.add.mutate({
      messages: [{ role: "user", content: "My favourite tea is oolong" }],
    });
    expect(added.status).toBe("done");
    const found = await memory.memory.search.query({ query: "favourite tea" });
    expect(found.memories[0]?.text).toBe("My favourite tea is oolong");
    // superjson round trip and output types are the same as over HTTP
    const recall = await memory.memory.recall.query({ query: "which tea do I like?" });
    expect(recall.memories.map((m) => m.text)).toEqual(["My favourite tea is oolong"]);
  });

  it("over HTTP: same procedures, same results, the headers the gateway reads", async () => {
    const memory = createMemoryClient({
      source: "chatbot",
      gatewayUrl: url,
      serviceToken: "svc-chatbot",
      userToken: () => "user-token-alice",
      requestId: () => "req-client-test-1",
    });
    const [found, recall] = await Promise.all([
      memory.memory.search.query({ query: "favourite tea" }),
      memory.memory.recall.query({ query: "which tea do I like?" }),
    ]);
    expect(found.memories[0]?.text).toBe("My favourite tea is oolong");
    expect(recall.memories.map((m) => m.text)).toEqual(["My favourite tea is oolong"]);
    expect(seen.at(-1)).toEqual({
      authorization: "Bearer svc-chatbot",
      user: "user-token-alice",
      source: "chatbot",
      requestId: "req-client-test-1",
    });
  });

  it("over HTTP: calls made together share one batched request, sent as POST", async () => {
    const memory = overHttp("user-token-alice");
    requests.length = 0;
    await memory.memory.search.query({ query: "favourite tea" });
    // Queries go as POST (no URL-length cap on a long message).
    expect(requests).toEqual(["POST /memory.search (batch)"]);

    requests.length = 0;
    const five = await Promise.all(
      ["tea", "oolong", "favourite", "drink", "cup"].map((q) => memory.memory.search.query({ query: q })),
    );
    expect(five).toHaveLength(5);
    expect(requests).toEqual([
      "POST /memory.search,memory.search,memory.search,memory.search,memory.search (batch)",
    ]);
  });

  it("over HTTP: another user's token sees another user's memories", async () => {
    const bob = overHttp("user-token-bob");
    const found = await bob.memory.search.query({ query: "favourite tea" });
    expect(found.memories).toEqual([]);
  });

  it("errors arrive with the same code and field either way", async () => {
    const local = createMemoryClient({
      source: "chatbot",
      inProcess: { router: t.stack.router, createContext: () => t.stack.createContext(P.alice) },
    });
    const remote = overHttp("user-token-alice");
    for (const client of [local, remote]) {
      const err = await client.memory.search.query({ query: "x", topK: 1_000 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TRPCClientError);
      expect((err as TRPCClientError<typeof appRouter>).data).toMatchObject({
        code: "BAD_REQUEST",
        field: "topK",
      });
      expect((err as Error).message).toMatch(/^topK: /);
    }
    const anonymous = createMemoryClient({ source: "chatbot", gatewayUrl: url, serviceToken: "wrong" });
    await expect(anonymous.memory.health.query()).rejects.toMatchObject({ data: { code: "UNAUTHORIZED" } });
  });

  it("refuses a configuration with neither transport", () => {
    expect(() => createMemoryClient({ source: "chatbot" })).toThrow(/gatewayUrl .* inProcess/);
  });
});
