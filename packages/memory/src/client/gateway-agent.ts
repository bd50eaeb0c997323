/**
 * The keep-alive undici Agent behind the typed client's HTTP link (create-memory-client.ts). One per process
 * serves every client: apps create a client per user or per request, and connections must outlive them.
 */
import { Agent } from "undici";

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
