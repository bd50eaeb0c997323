/**
 * The HTTP connection pool of a gateway connection: an undici Agent with keep-alive and a timeout on every
 * phase (connecting, waiting for headers, reading the body), the same figures as the memory client's default
 * pool. The connection owns it and closes it in `close()`: the client's default pool is process-wide and
 * nothing closes it at shutdown.
 */
import { Agent } from "undici";

export function gatewayDispatcher(): Agent {
  return new Agent({
    keepAliveTimeout: 10_000,
    connections: 32,
    connect: { timeout: 5_000 },
    headersTimeout: 30_000,
    bodyTimeout: 30_000,
  });
}
