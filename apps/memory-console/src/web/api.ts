// The router type only (erased from the bundle), from the client entry the apps use.
import type { AppRouter, RouterOutputs } from "@automatos/memory/client";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import superjson from "superjson";
import type { ConsoleSession } from "../shared/session.js";

export type MemoryClient = ReturnType<typeof createTRPCClient<AppRouter>>;
export type MemoryItem = RouterOutputs["memory"]["list"]["memories"][number];
export type HealthOutput = RouterOutputs["memory"]["health"];
export type HistoryOutput = RouterOutputs["memory"]["history"];

/** Same origin as the page: the gateway serves both (no CORS, no token in a URL). */
const TRPC_URL = "/trpc";
/** Every call is bounded: a hung gateway shows as an error, not as a page that waits forever. */
const CALL_TIMEOUT_MS = 15_000;

function memoryClient(serviceToken: string, jwt: string, agentId?: string): MemoryClient {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: TRPC_URL,
        transformer: superjson,
        methodOverride: "POST",
        headers: () => ({
          authorization: `Bearer ${serviceToken}`,
          "x-automatos-user-token": jwt,
          "x-trpc-source": "memory-console",
          ...(agentId ? { "x-automatos-agent-id": agentId } : {}),
        }),
        fetch: (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(CALL_TIMEOUT_MS) }),
      }),
    ],
  });
}

/**
 * One typed client per view the sign-in allows, all on the page's own service token (the policy's `console`
 * app): the person's own memories, one per granted agent (what that agent keeps about them, the agent named
 * in x-automatos-agent-id), and the admin's (operator view). Each goes through the gateway's verification and
 * the policy's access matrix; the page cannot widen any of them.
 */
export interface Clients {
  own: MemoryClient | null;
  agents: { agentId: string; client: MemoryClient }[];
  admin: MemoryClient | null;
}

export function createClients(session: ConsoleSession): Clients {
  const token = session.console;
  return {
    own: token ? memoryClient(token, session.jwt) : null,
    agents: token
      ? (session.agentIds ?? []).map((agentId) => ({
          agentId,
          client: memoryClient(token, session.jwt, agentId),
        }))
      : [],
    admin: session.admin ? memoryClient(session.admin, session.jwt) : null,
  };
}

/** A sentence for a failed call; mem0 being down reads as such, not as "nothing found". */
export function describeError(err: unknown): string {
  const code = err instanceof TRPCClientError ? (err.data as { code?: string } | undefined)?.code : undefined;
  switch (code) {
    case "SERVICE_UNAVAILABLE":
    case "BAD_GATEWAY":
    case "TIMEOUT":
      return "The memory store (mem0) is not answering right now, so memories cannot be shown or changed. Try again in a minute.";
    case "UNAUTHORIZED":
      return "Your sign-in has expired or is not valid. Open a new sign-in link.";
    case "FORBIDDEN":
      return "This sign-in may not do that.";
    case "NOT_FOUND":
      return "That memory no longer exists.";
    case "BAD_REQUEST":
      return err instanceof Error ? err.message : "The request was refused.";
    default:
      if (err instanceof DOMException && err.name === "TimeoutError")
        return "The memory service did not answer in time.";
      return "Something went wrong talking to the memory service.";
  }
}
