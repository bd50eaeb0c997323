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
  reset(): void;
  close(): Promise<void>;
}

export function createRequestCounter(): RequestCounter {
  const seen = new Map<string, number>();
  const agent = new Agent({ keepAliveTimeout: 10_000, connections: 16 });
  const dispatcher = agent.compose((dispatch) => (opts, handler) => {
    const key = `${opts.method} ${String(opts.path).split("?")[0]}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    return dispatch(opts, handler);
  });
  return {
    dispatcher,
    counts: () => Object.fromEntries(seen),
    count: (method, path) => seen.get(`${method} ${path}`) ?? 0,
    total: () => [...seen.values()].reduce((a, b) => a + b, 0),
    reset: () => seen.clear(),
    close: () => agent.close(),
  };
}
