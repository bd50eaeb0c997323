import type { AppRouter } from "@automatos/memory/client";
import { createTRPCClient, httpLink } from "@trpc/client";
import superjson from "superjson";
import { Agent, fetch as undiciFetch } from "undici";

/**
 * Reference client for P1: the same wire format and headers as @automatos/memory's typed client, but with
 * tRPC's plain `httpLink` (one request per call) instead of `httpBatchLink`. The batch link waits for a
 * `setTimeout` before it sends, so at concurrency 1 every call pays that timer; this variant shows how much.
 */
export function createUnbatchedClient(opts: { url: string; serviceToken: string; userToken: string }) {
  const agent = new Agent({ connections: 32, keepAliveTimeout: 10_000 });
  const client = createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${opts.url}/trpc`,
        transformer: superjson,
        // undici's fetch over a keep-alive Agent, as the typed client does.
        fetch: (input, init) =>
          undiciFetch(input as string, {
            ...(init as object),
            dispatcher: agent,
          }) as unknown as Promise<Response>,
        headers: () => ({
          authorization: `Bearer ${opts.serviceToken}`,
          "x-automatos-user-token": opts.userToken,
          "x-trpc-source": "bench",
        }),
      }),
    ],
  });
  return { client, close: () => agent.close() };
}
