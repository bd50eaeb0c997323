/**
 * undici's fetch for tRPC's HTTP links. Passing undiciFetch directly does not type-check (its Request needs
 * `duplex`), hence the wrapper (toolchain.md §6.1). One keep-alive Agent per process serves every client:
 * apps create a client per user or per request, and connections must outlive them.
 */
import { Agent, type Dispatcher, fetch as undiciFetch } from "undici";

let shared: Agent | null = null;

/** Timeouts on every phase: connecting, waiting for headers, reading the body. */
export function sharedGatewayAgent(): Agent {
  shared ??= new Agent({
    keepAliveTimeout: 10_000,
    connections: 32,
    connect: { timeout: 5_000 },
    headersTimeout: 30_000,
    bodyTimeout: 30_000,
  });
  return shared;
}

/** Closes the shared gateway connections (at process shutdown). */
export async function closeGatewayConnections(): Promise<void> {
  const agent = shared;
  shared = null;
  await agent?.close();
}

export type LinkFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export function fetchVia(dispatcher: Dispatcher): LinkFetch {
  return (input, init) =>
    undiciFetch(input as string, { ...(init as object), dispatcher }) as unknown as Promise<Response>;
}
