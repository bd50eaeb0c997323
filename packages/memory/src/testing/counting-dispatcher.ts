/**
 * Counts the HTTP requests that really leave the mem0 client (P6): an undici Agent whose dispatch is wrapped
 * by an interceptor. Nothing is faked: requests go on to the real embedded mem0.
 */
import { Agent, type Dispatcher } from "undici";

export interface RequestCounter {
  dispatcher: Dispatcher;
  /** Requests per "METHOD /path" (query string dropped). */
  counts(): Record<string, number>;
  count(method: string, path: string): number;
  total(): number;
  /** X-Request-ID values seen, in order (the request id must travel from the app to mem0). */
  requestIds(): string[];
  reset(): void;
  close(): Promise<void>;
}

export function createRequestCounter(): RequestCounter {
  const seen = new Map<string, number>();
  const ids: string[] = [];
  const agent = new Agent({ keepAliveTimeout: 10_000, connections: 16 });
  const dispatcher = agent.compose((dispatch) => (opts, handler) => {
    const key = `${opts.method} ${String(opts.path).split("?")[0]}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    const id = headerValue(opts.headers, "x-request-id");
    if (id) ids.push(id);
    return dispatch(opts, handler);
  });
  return {
    dispatcher,
    counts: () => Object.fromEntries(seen),
    count: (method, path) => seen.get(`${method} ${path}`) ?? 0,
    total: () => [...seen.values()].reduce((a, b) => a + b, 0),
    requestIds: () => [...ids],
    reset: () => {
      seen.clear();
      ids.length = 0;
    },
    close: () => agent.close(),
  };
}

/** undici passes headers as a record, a flat [name, value, ...] array, or an iterable of pairs. */
function headerValue(headers: unknown, name: string): string | undefined {
  if (!headers) return undefined;
  if (Array.isArray(headers)) {
    if (typeof headers[0] === "string") {
      for (let i = 0; i + 1 < headers.length; i += 2) {
        if (String(headers[i]).toLowerCase() === name) return String(headers[i + 1]);
      }
      return undefined;
    }
    for (const pair of headers as [string, string][]) if (pair[0]?.toLowerCase() === name) return pair[1];
    return undefined;
  }
  for (const [k, v] of Object.entries(headers as Record<string, unknown>))
    if (k.toLowerCase() === name) return String(v);
  return undefined;
}
