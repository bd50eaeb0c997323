/**
 * The self-hosted mem0 server's REST contract over node:http (fastify 5's dependencies need Node 22).
 * Every response carries X-Request-ID (8 hex chars) like the Python server's middleware.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Mem0Engine } from "../engine/mem0-engine.js";
import { toHttpError } from "./engine-errors.js";
import { HttpError, notFound, unauthorized } from "./http-error.js";
import { readJsonBody } from "./read-body.js";
import {
  createReadFirstScheduler,
  isReadRequest,
  type ReadFirstOptions,
  type ReadFirstScheduler,
} from "./read-first-scheduler.js";
import { compileRoutes } from "./route-table.js";
import { memoryRoutes } from "./routes/memory-routes.js";
import { otherRoutes, type ServerInfo } from "./routes/other-routes.js";

export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;

export interface HttpServerOptions {
  engine: Mem0Engine;
  apiKey: string;
  info: ServerInfo;
  maxBodyBytes?: number;
  /** Reads before writes (read-first-scheduler.ts): a scheduler, or options for the server's own. */
  scheduler?: ReadFirstScheduler | ReadFirstOptions;
  /** Called for 5xx answers; receives no request data beyond method, path and request id. */
  onServerError?: (info: { requestId: string; method: string; path: string; error: unknown }) => void;
}

export function createMem0HttpServer(options: HttpServerOptions): Server {
  const match = compileRoutes([...memoryRoutes, ...otherRoutes(options.info)]);
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const expectedKey = Buffer.from(options.apiKey);
  const scheduler =
    options.scheduler && "read" in options.scheduler
      ? options.scheduler
      : createReadFirstScheduler(options.scheduler);

  function checkAuth(req: IncomingMessage): void {
    const authz = req.headers.authorization;
    // A Bearer token wins over X-API-Key on the Python server; JWTs are not issued here, so it cannot be valid.
    if (typeof authz === "string" && /^bearer\s/i.test(authz))
      throw unauthorized("Invalid or expired token.");
    const key = req.headers["x-api-key"];
    if (typeof key !== "string" || key === "")
      throw unauthorized("Authentication required. Provide a Bearer token or X-API-Key header.");
    const given = Buffer.from(key);
    if (given.length !== expectedKey.length || !timingSafeEqual(given, expectedKey))
      throw unauthorized("Invalid API key.");
  }

  async function handle(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const m = match(req.method ?? "GET", url.pathname);
    if (m.kind === "not_found") throw notFound();
    if (m.kind === "method_not_allowed")
      throw new HttpError(405, { detail: "Method Not Allowed" }, { allow: m.allow.join(", ") });
    if (m.route.auth) checkAuth(req);
    const body =
      m.route.method === "POST" || m.route.method === "PUT" ? await readJsonBody(req, maxBody) : undefined;
    const run = () =>
      m.route.handler({ engine: options.engine, params: m.params, query: url.searchParams, body, requestId });
    const result = isReadRequest(m.route.method, m.route.path)
      ? await scheduler.read(run)
      : await scheduler.write(run);
    send(res, result.status ?? 200, result.body, {});
  }

  return createServer((req, res) => {
    const requestId = randomBytes(4).toString("hex");
    res.setHeader("x-request-id", requestId);
    handle(req, res, requestId).catch((err: unknown) => {
      const httpErr = toHttpError(err, requestId);
      if (httpErr.status >= 500)
        options.onServerError?.({
          requestId,
          method: req.method ?? "",
          path: req.url?.split("?")[0] ?? "",
          error: err,
        });
      send(res, httpErr.status, httpErr.body, httpErr.headers);
    });
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  if (res.headersSent || res.destroyed) return;
  const payload = JSON.stringify(body ?? null);
  res.writeHead(status, {
    ...headers,
    "content-type": "application/json",
    "content-length": Buffer.byteLength(payload),
  });
  res.end(payload);
}
