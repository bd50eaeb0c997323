import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import { MEMORY_HEADERS } from "@automatos/memory/client";
import type { Principal } from "@automatos/memory-policy";
import { type AnyTRPCRouter, TRPCError } from "@trpc/server";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import type { Logger } from "pino";
import type { Authenticator } from "../auth/authenticate.js";
import type { HealthReport } from "../health.js";
import type { GatewayMetrics } from "../observability/metrics.js";
import { serveConsoleAssets } from "./console/assets.js";
import { RequestDrain } from "./drain.js";
import { isLoopbackAddress } from "./loopback.js";
import { acceptRequestId } from "./request-id.js";
import { writeJson, writeTrpcError } from "./responses.js";
import { recordProcedures, serveHealth, serveMetrics } from "./side-routes.js";
import { procedurePaths } from "./trpc-path.js";

export const TRPC_BASE_PATH = "/trpc/";

/** What the router's context is built from, per request, once the caller is authenticated. */
export interface ContextRequest {
  principal: Principal;
  requestId: string;
}

export interface GatewayServerDeps {
  router: AnyTRPCRouter;
  authenticator: Authenticator;
  createContext: (req: ContextRequest) => unknown;
  health: () => Promise<HealthReport>;
  metrics: GatewayMetrics;
  logger: Logger;
  maxBodyBytes: number;
  /**
   * Most calls one batched request may carry (tRPC's maxBatchSize; default 256). Bounds the work one request
   * can order; well above what a client batches in one tick (its GET URLs are capped at 8,000 characters).
   */
  maxBatchSize?: number;
  metricsToken?: string | undefined;
}

interface RequestState {
  requestId: string;
  logger: Logger;
  app?: string;
  /** tRPC error codes reported by onError, per procedure path, in call order. */
  failures: { path: string; code: string }[];
}

/**
 * The gateway's node:http server: `/trpc/*` (the memory router through tRPC's standalone handler),
 * `/healthz` and `/metrics`. Owning the server (rather than tRPC's createHTTPServer) is what lets the gateway
 * route, count and log every request, refuse oversized bodies before reading them, and drain on shutdown.
 */
export function createGatewayServer(deps: GatewayServerDeps): { server: Server; drain: RequestDrain } {
  const states = new WeakMap<IncomingMessage, RequestState>();
  const known = new Set(Object.keys(deps.router._def.procedures as Record<string, unknown>));
  const drain = new RequestDrain();

  const trpc = createHTTPHandler({
    router: deps.router,
    basePath: TRPC_BASE_PATH,
    maxBodySize: deps.maxBodyBytes,
    // Lets a client send batched queries as POST (tRPC's methodOverride): no URL-length cap, so its batch link
    // need not re-serialise the batch to measure the URL. Safe: every call is token-authenticated, and a
    // query stays a query (no cookie-borne CSRF to guard against).
    allowMethodOverride: true,
    maxBatchSize: deps.maxBatchSize ?? 256,
    async createContext({ req }) {
      const state = states.get(req) as RequestState;
      const outcome = await deps.authenticator.authenticate(req.headers, req.rawHeaders);
      if (!outcome.ok) {
        deps.metrics.authFailures.inc({ reason: outcome.reason });
        state.logger.debug({ reason: outcome.reason }, "request refused");
        throw new TRPCError({ code: outcome.code, message: outcome.publicMessage });
      }
      state.app = outcome.principal.app;
      return deps.createContext({ principal: outcome.principal, requestId: state.requestId });
    },
    onError({ error, path, req }) {
      const state = states.get(req as IncomingMessage);
      state?.failures.push({ path: path ?? "unknown", code: error.code });
      if (error.code === "INTERNAL_SERVER_ERROR") {
        // The error's own message may quote mem0 or the database; log its kind, not its text, at error level.
        state?.logger.error({ path, code: error.code, cause: error.cause?.name }, "procedure failed");
      }
    },
  });

  const server = createServer((req, res) => {
    const t0 = performance.now();
    const requestId = acceptRequestId(req.headers[MEMORY_HEADERS.requestId]);
    res.setHeader("x-request-id", requestId);
    const pathname = (req.url ?? "/").split("?", 1)[0] as string;
    const route = routeOf(pathname);
    const state: RequestState = { requestId, logger: deps.logger.child({ reqId: requestId }), failures: [] };
    const source = req.headers[MEMORY_HEADERS.source];
    states.set(req, state);
    drain.track(res);
    deps.metrics.inFlight.inc();
    res.once("close", () => {
      deps.metrics.inFlight.dec();
      const ms = performance.now() - t0;
      deps.metrics.httpRequests.inc({ route, status: String(res.statusCode) });
      const paths = route === "trpc" ? procedurePaths(pathname, TRPC_BASE_PATH) : [];
      recordProcedures(deps.metrics, paths, state.failures, known, ms);
      // Metadata only: never the URL's query string (GET inputs carry the user's words) nor any header.
      state.logger.info(
        {
          method: req.method,
          route,
          procedures: paths,
          status: res.statusCode,
          ms: round(ms),
          app: state.app,
          // The caller's own label (x-trpc-source), bounded; informative only, never trusted.
          source: typeof source === "string" ? source.slice(0, 32) : undefined,
        },
        "request",
      );
    });

    if (drain.draining) {
      res.setHeader("connection", "close");
      if (route === "trpc")
        return refuseTrpc(res, pathname, req.url, "SERVICE_UNAVAILABLE", 503, "shutting down");
      return writeJson(res, 503, { status: "draining" });
    }
    switch (route) {
      case "trpc": {
        const declared = Number(req.headers["content-length"] ?? 0);
        if (declared > deps.maxBodyBytes) {
          // Refuse before reading a byte; the connection is closed so the unread body is not parsed as HTTP.
          res.setHeader("connection", "close");
          return refuseTrpc(res, pathname, req.url, "PAYLOAD_TOO_LARGE", 413, "request body too large");
        }
        return trpc(req, res);
      }
      case "healthz":
        return void serveHealth(deps, res);
      case "metrics":
        return void serveMetrics({ ...deps, loopbackOnly }, req, res);
      default:
        if (serveConsoleAssets(req, res, pathname)) return; // the memory page, when GATEWAY_CONSOLE_DIR is set
        return writeJson(res, 404, { error: "not found", routes: ["/trpc/*", "/healthz", "/metrics"] });
    }
  });

  function refuseTrpc(
    res: ServerResponse,
    pathname: string,
    url: string | undefined,
    code: "PAYLOAD_TOO_LARGE" | "SERVICE_UNAVAILABLE",
    status: number,
    message: string,
  ): void {
    const paths = procedurePaths(pathname, TRPC_BASE_PATH);
    const batch = /[?&]batch=1(&|$)/.test(url ?? "");
    writeTrpcError(res, deps.router, { code, status, message, paths: paths.length ? paths : [""], batch });
  }

  // The address the server is bound to (0.0.0.0 and :: are not loopback); a pipe or no address counts as not.
  function loopbackOnly(): boolean {
    const bound = server.address();
    return typeof bound === "object" && bound !== null && isLoopbackAddress(bound.address);
  }

  // Node's default headersTimeout (60 s) and requestTimeout (300 s) are far above any memory call; bound them.
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  return { server, drain };
}

function routeOf(pathname: string): "trpc" | "healthz" | "metrics" | "other" {
  if (pathname.startsWith(TRPC_BASE_PATH)) return "trpc";
  if (pathname === "/healthz" || pathname === "/healthz/") return "healthz";
  if (pathname === "/metrics") return "metrics";
  return "other";
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
