import { performance } from "node:perf_hooks";
import type { Histogram } from "prom-client";
import { errorKind } from "./error-kind.js";

/** The mem0 client methods that reach the network (what the latency histogram labels as `operation`). */
const TIMED_OPERATIONS = new Set([
  "add",
  "search",
  "getAll",
  "get",
  "update",
  "delete",
  "deleteAll",
  "history",
  "ping",
  "reset",
  "entities",
  "deleteEntity",
]);

/**
 * Wraps a mem0 client so that every network call is timed into `gateway_mem0_call_duration_seconds`. Timing
 * the client's methods (retries included) rather than raw sockets measures what a caller waits for; the
 * outcome label is the client's error kind (timeout, unavailable, circuit_open, ...) so dashboards can split
 * slowness from failure. Every other property passes through untouched.
 */
export function instrumentMem0Client<T extends object>(
  client: T,
  histogram: Histogram<"operation" | "outcome">,
): T {
  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(client, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof prop !== "string" || !TIMED_OPERATIONS.has(prop) || typeof value !== "function")
        return value;
      let fn = wrapped.get(prop);
      if (!fn) {
        fn = async (...args: unknown[]) => {
          const t0 = performance.now();
          try {
            const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
            histogram.observe({ operation: prop, outcome: "ok" }, (performance.now() - t0) / 1000);
            return result;
          } catch (err) {
            histogram.observe({ operation: prop, outcome: errorKind(err) }, (performance.now() - t0) / 1000);
            throw err;
          }
        };
        wrapped.set(prop, fn);
      }
      return fn;
    },
  });
}
