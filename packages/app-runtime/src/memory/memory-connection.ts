/**
 * How an app reaches the memory router: in this process (the app owns a memory stack, or shares one, and
 * hands the router the principal it verified itself) or through the gateway (which verifies the app's
 * service token and the user's JWT and derives the principal). The app code above this file does not
 * change between the two: it asks for a typed client acting for one identity.
 */
import type { Logger } from "@automatos/memory/client";
import type { MemoryStack } from "@automatos/memory/stack";
import type { AppName } from "@automatos/memory-policy";
import type { MemoryConnectionConfig } from "../config/common-config.js";
import { gatewayDispatcher } from "./gateway-dispatcher.js";
import { createMemoryClient, type MemoryClient } from "./memory-client.js";

/** Who an app acts for on one call. */
export interface Identity {
  workspaceId: string;
  userId: string;
  agentId?: string;
  runId?: string;
  /** The user's verified JWT: forwarded to the gateway, which verifies it again (unused in process). */
  userToken?: string;
}

export interface MemoryConnection {
  readonly app: AppName;
  readonly mode: "in-process" | "gateway";
  /** A typed client acting for `identity`. Cheap: build one per request. */
  clientFor(identity: Identity): MemoryClient;
  /** Releases what this connection opened (a shared stack stays open). */
  close(): Promise<void>;
}

/** In process on `stack`. The caller owns the stack unless `ownsStack` is set. */
export function inProcessConnection(
  app: AppName,
  stack: MemoryStack,
  options: { ownsStack?: boolean } = {},
): MemoryConnection {
  return {
    app,
    mode: "in-process",
    clientFor: (identity) => {
      const principal = {
        app,
        workspaceId: identity.workspaceId,
        userId: identity.userId,
        ...(identity.agentId ? { agentId: identity.agentId } : {}),
        ...(identity.runId ? { runId: identity.runId } : {}),
      };
      return createMemoryClient({
        source: app,
        inProcess: { router: stack.router, createContext: () => stack.createContext(principal) },
      });
    },
    close: async () => {
      if (options.ownsStack) await stack.close();
    },
  };
}

/** The gateway's tRPC endpoint: MEMORY_GATEWAY_URL may be the gateway's base URL or already end in /trpc. */
export function trpcEndpoint(gatewayUrl: string): string {
  const url = new URL(gatewayUrl);
  const path = url.pathname.replace(/\/+$/, "");
  url.pathname = path.endsWith("/trpc") ? path : `${path}/trpc`;
  return url.toString();
}

export function gatewayConnection(
  app: AppName,
  gateway: { url: string; serviceToken: string },
): MemoryConnection {
  const endpoint = trpcEndpoint(gateway.url);
  // One keep-alive pool per connection, shared by the clients it hands out and closed with it, so a
  // process that closes its connection at shutdown leaves no sockets to the gateway open.
  const dispatcher = gatewayDispatcher();
  return {
    app,
    mode: "gateway",
    clientFor: (identity) => {
      // The gateway trusts no user id from the app: without the user's token there is no call to make.
      if (!identity.userToken) throw new Error("userToken: required to call memory through the gateway");
      return createMemoryClient({
        source: app,
        gatewayUrl: endpoint,
        serviceToken: gateway.serviceToken,
        userToken: identity.userToken,
        ...(identity.agentId ? { agentId: identity.agentId } : {}),
        ...(identity.runId ? { runId: identity.runId } : {}),
        dispatcher,
      });
    },
    close: () => dispatcher.close(),
  };
}

/** Opens the connection the configuration asks for (in process: starts a stack owned by the connection). */
export async function openMemoryConnection(
  app: AppName,
  config: MemoryConnectionConfig,
  options: { logger?: Logger } = {},
): Promise<MemoryConnection> {
  if (config.kind === "gateway") return gatewayConnection(app, config);
  // Loaded only here: an app that talks to the gateway never loads the database or the embedded engine.
  const { createMemoryStack } = await import("@automatos/memory/stack");
  const stack = await createMemoryStack({
    env: config.env,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  return inProcessConnection(app, stack, { ownsStack: true });
}
