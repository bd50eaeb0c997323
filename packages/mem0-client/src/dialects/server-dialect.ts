/**
 * The self-hosted mem0 REST server (mem0-contract §1): bare paths, never a trailing slash (FastAPI runs with
 * redirect_slashes=False, so `/memories/` is a 404), synchronous add, `200 null` for an unknown id on GET.
 */
import { type Exchange, parseWith } from "../core/exchange.js";
import { toEntity, toHistoryEntry, toMemory } from "../schemas/normalize.js";
import {
  serverAddResponse,
  serverEntitiesResponse,
  serverGetResponse,
  serverHistoryResponse,
  serverListResponse,
  serverMessageResponse,
  serverSetupStatus,
} from "../schemas/server-schemas.js";
import type { AddResult } from "../types.js";
import { addBody, type DialectOps, snakeIds, timedPing, updateBody } from "./dialect.js";

const SAFE = true;
const UNSAFE = false;
const ignoreMessage = parseWith(serverMessageResponse, () => undefined);
const memories = parseWith(serverListResponse, (items) => items.map(toMemory));

export function serverDialect(exchange: Exchange): DialectOps {
  return {
    add: (req, opts) =>
      exchange(
        {
          method: "POST",
          path: "/memories",
          body: addBody(req),
        },
        {
          safe: UNSAFE,
          parse: parseWith(
            serverAddResponse,
            (results): AddResult => ({
              status: "done",
              results: results.map((r) => ({ id: r.id, memory: r.memory, event: r.event })),
              ...(req.infer === undefined ? {} : { inference: req.infer ? "on" : "off" }),
            }),
          ),
        },
        opts,
      ),

    search: (req, opts) =>
      exchange(
        {
          method: "POST",
          path: "/search",
          body: {
            query: req.query,
            filters: req.filters,
            top_k: req.topK,
            threshold: req.threshold,
            explain: req.explain,
          },
        },
        { safe: SAFE, parse: memories },
        opts,
      ),

    getAll: (req, opts) =>
      exchange(
        { method: "GET", path: "/memories", query: { ...snakeIds(req), top_k: req.topK } },
        { safe: SAFE, parse: memories },
        opts,
      ),

    get: (id, opts) =>
      exchange(
        { method: "GET", path: `/memories/${id}` },
        { safe: SAFE, parse: parseWith(serverGetResponse, (m) => (m === null ? null : toMemory(m))) },
        opts,
      ),

    update: (id, req, opts) =>
      exchange(
        {
          method: "PUT",
          path: `/memories/${id}`,
          body: updateBody(req),
        },
        { safe: UNSAFE, parse: ignoreMessage },
        opts,
      ),

    delete: (id, opts) =>
      exchange({ method: "DELETE", path: `/memories/${id}` }, { safe: UNSAFE, parse: ignoreMessage }, opts),

    deleteAll: (req, opts) =>
      exchange(
        { method: "DELETE", path: "/memories", query: snakeIds(req) },
        { safe: UNSAFE, parse: ignoreMessage },
        opts,
      ),

    history: (id, opts) =>
      exchange(
        { method: "GET", path: `/memories/${id}/history` },
        { safe: SAFE, parse: parseWith(serverHistoryResponse, (rows) => rows.map(toHistoryEntry)) },
        opts,
      ),

    reset: (opts) =>
      exchange({ method: "POST", path: "/reset" }, { safe: UNSAFE, parse: ignoreMessage }, opts),

    entities: (opts) =>
      exchange(
        { method: "GET", path: "/entities" },
        { safe: SAFE, parse: parseWith(serverEntitiesResponse, (rows) => rows.map(toEntity)) },
        opts,
      ),

    deleteEntity: (type, id, opts) =>
      exchange(
        { method: "DELETE", path: `/entities/${type}/${encodeURIComponent(id)}` },
        { safe: UNSAFE, parse: ignoreMessage },
        opts,
      ),

    // The server has no health route; /auth/setup-status needs no auth and touches the app DB (§1.1).
    ping: (opts) => timedPing(exchange, "/auth/setup-status", serverSetupStatus, opts),
  };
}
