/**
 * The chatbot's HTTP API on node:http:
 *   POST   /chat            one turn for the authenticated user (body: conversationId, message, showMemory?)
 *   GET    /memories        the user's own memories (?limit=1..200)
 *   DELETE /memories/:id    delete one of them (someone else's id: 404, like a missing one)
 *   GET    /healthz         liveness, no authentication
 * Every route but /healthz needs `Authorization: Bearer <user JWT>`.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Identity } from "@automatos/app-runtime";
import { type Logger, silentLogger } from "@automatos/memory/client";
import type { ChatService } from "../chat/chat-service.js";
import { HttpError } from "./http-error.js";
import { readJsonBody } from "./read-json.js";
import { deleteMemory, getMemories, postChat } from "./routes.js";
import type { createUserAuthenticator } from "./user-auth.js";

export interface ChatServerOptions {
  service: ChatService;
  authenticator: ReturnType<typeof createUserAuthenticator>;
  maxBodyBytes: number;
  logger?: Logger;
}

function send(res: ServerResponse, status: number, body: unknown, requestId: string): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "x-request-id": requestId,
  });
  res.end(text);
}

const MEMORY_PATH = /^\/memories\/([^/]+)$/;

export function createChatServer(options: ChatServerOptions): Server {
  const logger = options.logger ?? silentLogger();

  async function route(req: IncomingMessage, url: URL): Promise<[number, unknown]> {
    const method = req.method ?? "GET";
    if (url.pathname === "/healthz" && method === "GET") return [200, { ok: true }];
    const known = url.pathname === "/chat" || url.pathname === "/memories" || MEMORY_PATH.test(url.pathname);
    if (!known) throw new HttpError(404, "NOT_FOUND", `no route ${url.pathname}`);

    const auth = await options.authenticator.authenticate(req.headers.authorization);
    if (!auth.ok) {
      logger.info({ reason: auth.reason }, "request refused: user token");
      throw new HttpError(401, "UNAUTHORIZED", "send a valid user token: Authorization: Bearer <JWT>");
    }
    const identity: Identity = auth.identity;
    if (url.pathname === "/chat" && method === "POST")
      return [200, await postChat(options.service, identity, await readJsonBody(req, options.maxBodyBytes))];
    if (url.pathname === "/memories" && method === "GET")
      return [200, await getMemories(options.service, identity, url.searchParams)];
    const id = MEMORY_PATH.exec(url.pathname)?.[1];
    if (id !== undefined && method === "DELETE")
      return [200, await deleteMemory(options.service, identity, decodeURIComponent(id))];
    throw new HttpError(405, "METHOD_NOT_ALLOWED", `${method} is not allowed on ${url.pathname}`);
  }

  return createServer((req, res) => {
    const requestId = randomUUID();
    const url = new URL(req.url ?? "/", "http://localhost");
    route(req, url).then(
      ([status, body]) => send(res, status, body, requestId),
      (e: unknown) => {
        if (e instanceof HttpError) {
          send(
            res,
            e.status,
            { error: { code: e.code, message: e.message, field: e.field ?? null } },
            requestId,
          );
          return;
        }
        logger.error({ requestId, err: e instanceof Error ? e.name : "unknown" }, "chat request failed");
        send(res, 500, { error: { code: "INTERNAL", message: "internal error", field: null } }, requestId);
      },
    );
  });
}
