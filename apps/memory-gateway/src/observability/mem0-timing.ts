import { performance } from "node:perf_hooks";
import type { Dispatcher } from "undici";

/**
 * The mem0 operation an HTTP exchange performs, from its method and path (server and platform dialects).
 * Ids are never labels: anything not recognised is "other", so the label set stays small and tenant-free.
 */
export function mem0Operation(method: string, path: string): string {
  const p = path.split("?", 1)[0]?.replace(/\/+$/, "") ?? "";
  const byId = /^\/(?:v1\/)?memories\/[^/]+$/.test(p);
  if (p === "/search" || /^\/v[0-9]\/memories\/search$/.test(p)) return "search";
  if (p === "/auth/setup-status" || p === "/v1/ping") return "ping";
  if (/^\/v1\/event\/[^/]+$/.test(p)) return "event_poll";
  if (/^\/(?:v1\/)?memories\/[^/]+\/history$/.test(p)) return "history";
  if (p === "/memories" || /^\/v[0-9]\/memories$/.test(p)) {
    if (method === "POST") return "add";
    if (method === "DELETE") return "delete_all";
    return "get_all";
  }
  if (byId) return method === "PUT" ? "update" : method === "DELETE" ? "delete" : "get";
  if (p === "/entities") return "entities";
  if (p.startsWith("/entities/")) return "delete_entity";
  return "other";
}

type Observe = (labels: { operation: string; outcome: string }, seconds: number) => void;

/**
 * An undici interceptor timing every HTTP exchange with mem0 (router calls, relay deliveries and health pings
 * alike, since they share the dispatcher): `outcome` is "ok" for 2xx, "4xx"/"5xx" otherwise, "aborted" when
 * the caller gave up (e.g. recall's time budget ran out), "network_error" when no response came (timeout,
 * reset, refused).
 */
export function mem0TimingInterceptor(observe: Observe): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (opts, handler) => {
    const t0 = performance.now();
    const operation = mem0Operation(opts.method, opts.path);
    let status = 0;
    const done = (outcome: string) => observe({ operation, outcome }, (performance.now() - t0) / 1000);
    return dispatch(opts, {
      onRequestStart: (controller, context) => handler.onRequestStart?.(controller, context),
      onRequestUpgrade: (controller, statusCode, headers, socket) =>
        handler.onRequestUpgrade?.(controller, statusCode, headers, socket),
      onResponseStart: (controller, statusCode, headers, statusMessage) => {
        status = statusCode;
        return handler.onResponseStart?.(controller, statusCode, headers, statusMessage);
      },
      onResponseData: (controller, chunk) => handler.onResponseData?.(controller, chunk),
      onResponseEnd: (controller, trailers) => {
        done(status >= 200 && status < 300 ? "ok" : `${Math.floor(status / 100)}xx`);
        return handler.onResponseEnd?.(controller, trailers);
      },
      onResponseError: (controller, error) => {
        // undici rejects with the signal's reason, which may be any value: ask the signal, then the error.
        const gaveUp =
          (opts as { signal?: { aborted?: boolean } }).signal?.aborted === true || isAbort(error);
        done(gaveUp ? "aborted" : status === 0 ? "network_error" : `${Math.floor(status / 100)}xx`);
        return handler.onResponseError?.(controller, error);
      },
    });
  };
}

function isAbort(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  return error.name === "AbortError" || code === "UND_ERR_ABORTED" || code === "ABORT_ERR";
}
