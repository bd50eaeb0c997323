import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface CountingProxy {
  url: string;
  /** Requests forwarded so far, as "METHOD /path" (query strings dropped). */
  calls: string[];
  /** The X-Request-ID header of each call, in the same order (what the gateway propagated). */
  requestIds: (string | undefined)[];
  count(method: string, path: string): number;
  reset(): void;
  /** Fault injection: hold matching requests for `ms` before forwarding them (null = no delay). */
  delay(rule: { method: string; path: string; ms: number } | null): void;
  close(): Promise<void>;
}

/**
 * A loopback HTTP proxy in front of a real mem0 that records every request reaching it. This is how the
 * integration test counts mem0 calls per chat turn (docs/targets.md P6) without trusting the code under test to
 * count itself: whatever the gateway, the router or the relay send, it passes through here.
 */
export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const upstream = new URL(target);
  const calls: string[] = [];
  const requestIds: (string | undefined)[] = [];
  let delayRule: { method: string; path: string; ms: number } | null = null;
  const server: Server = createServer((req, res) => {
    const call = `${req.method} ${(req.url ?? "/").split("?", 1)[0]}`;
    calls.push(call);
    const rid = req.headers["x-request-id"];
    requestIds.push(typeof rid === "string" ? rid : undefined);
    const wait = delayRule && call === `${delayRule.method} ${delayRule.path}` ? delayRule.ms : 0;
    setTimeout(() => forward(req, res), wait);
  });
  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const out = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
        timeout: 30_000,
      },
      (upstreamRes) => {
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
        upstreamRes.pipe(res);
      },
    );
    out.on("timeout", () => out.destroy(new Error("upstream timeout")));
    out.on("error", () => {
      if (!res.headersSent) res.writeHead(502).end();
      else res.destroy();
    });
    req.pipe(out);
  };
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    requestIds,
    count: (method, path) => calls.filter((c) => c === `${method} ${path}`).length,
    reset: () => {
      calls.length = 0;
      requestIds.length = 0;
    },
    delay: (rule) => {
      delayRule = rule;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
