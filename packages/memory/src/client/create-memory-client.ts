/**
 * createMemoryClient: the one way apps call memory, with the same types whether the router runs in the app
 * (tRPC's localLink, no HTTP) or behind the gateway (tRPC's httpBatchLink on undici's fetch over a keep-alive
 * Agent with timeouts). tRPC's own links: the hand-written ones they replaced saved 0.2-1.4 ms per call, not
 * something a user notices against a recall of 20-160 ms (docs/ figures in the README).
 *
 * @example in process (no MEMORY_GATEWAY_URL): the app verified its user and builds the principal itself
 * const stack = await createMemoryStack(); // from @automatos/memory/stack
 * const memory = createMemoryClient({
 *   source: "chatbot",
 *   inProcess: { router: stack.router, createContext: () => stack.createContext(principal) },
 * });
 * const { context } = await memory.memory.recall.query({ query: userMessage });
 *
 * @example over HTTP: the gateway verifies the tokens and derives the principal
 * const memory = createMemoryClient({ source: "chatbot", gatewayUrl, serviceToken, userToken: () => session.jwt });
 */
import { randomUUID } from "node:crypto";
import { createTRPCClient, httpBatchLink, localLink, type TRPCClient } from "@trpc/client";
import superjson from "superjson";
import { type Dispatcher, fetch as undiciFetch } from "undici";
import type { InnerContext } from "../context.js";
import type { AppRouter } from "../root.js";
import { sharedGatewayAgent } from "./gateway-agent.js";
import { MEMORY_HEADERS } from "./headers.js";

type Lazy<T> = T | (() => T | undefined);

export interface MemoryClientOptions {
  /** Who is calling, sent as x-trpc-source (logs and metrics). */
  source: "chatbot" | "agents" | "workflows" | "admin" | (string & {});
  /** The gateway's base URL, e.g. http://127.0.0.1:8787/trpc. Unset: in-process. */
  gatewayUrl?: string;
  /** The app's service token (HTTP only). */
  serviceToken?: string;
  /** The end user's JWT (HTTP only); a function is read per request, e.g. from the current session. */
  userToken?: Lazy<string>;
  /** agents/workflows over HTTP: the agent or run the app acts as. */
  agentId?: Lazy<string>;
  runId?: Lazy<string>;
  /** Request id per HTTP request (default: a fresh UUID); carried to mem0 as X-Request-ID. */
  requestId?: () => string;
  /**
   * In-process: the router of a stack the caller opened (`@automatos/memory/stack`: `stack.router`) and the
   * inner context (principal included) for each call. The router comes from the caller so this module never
   * loads the server side: an app that talks HTTP only loads none of the engine.
   */
  inProcess?: InProcessOptions;
  /** HTTP: a dispatcher of your own (default: a shared keep-alive Agent with timeouts). */
  dispatcher?: Dispatcher;
}

export interface InProcessOptions {
  router: AppRouter;
  createContext: () => Promise<InnerContext>;
}

export type MemoryClient = TRPCClient<AppRouter>;

/** Calls per HTTP batch (the gateway's body limit bounds the bytes; this bounds the head-of-line wait). */
export const MAX_BATCH = 64;

const read = <T>(v: Lazy<T> | undefined): T | undefined =>
  typeof v === "function" ? (v as () => T | undefined)() : v;

function httpHeaders(o: MemoryClientOptions): Record<string, string> {
  const h: Record<string, string> = {
    [MEMORY_HEADERS.source]: o.source,
    [MEMORY_HEADERS.requestId]: o.requestId?.() ?? randomUUID(),
  };
  if (o.serviceToken) h[MEMORY_HEADERS.serviceToken] = `Bearer ${o.serviceToken}`;
  const user = read(o.userToken);
  if (user) h[MEMORY_HEADERS.userToken] = user;
  const agent = read(o.agentId);
  if (agent) h[MEMORY_HEADERS.agentId] = agent;
  const run = read(o.runId);
  if (run) h[MEMORY_HEADERS.runId] = run;
  return h;
}

export function createMemoryClient(options: MemoryClientOptions): MemoryClient {
  if (options.gatewayUrl) {
    const url = new URL(options.gatewayUrl);
    if (url.protocol !== "http:" && url.protocol !== "https:")
      throw new Error("gatewayUrl must be an http(s) URL");
    const dispatcher = options.dispatcher ?? sharedGatewayAgent();
    return createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({
          url: url.toString().replace(/\/$/, ""),
          transformer: superjson,
          // undici's fetch on a keep-alive Agent whose timeouts (connect, headers, body) bound every call.
          fetch: ((input, init) =>
            undiciFetch(input as Parameters<typeof undiciFetch>[0], {
              ...(init as Parameters<typeof undiciFetch>[1]),
              dispatcher,
            })) as typeof fetch,
          headers: () => httpHeaders(options),
          // Queries travel as POST too (the gateway allows the override): no URL-length cap on a recall's
          // message, and no re-serialising a growing batch to measure its URL (tRPC's maxURLLength check).
          methodOverride: "POST",
          maxItems: MAX_BATCH,
        }),
      ],
    });
  }
  if (!options.inProcess) {
    throw new Error("createMemoryClient needs gatewayUrl (HTTP) or inProcess.createContext (in-process)");
  }
  return createTRPCClient<AppRouter>({
    links: [
      localLink({
        router: options.inProcess.router,
        createContext: options.inProcess.createContext,
        transformer: superjson,
      }),
    ],
  });
}
