/**
 * The hosted platform (mem0-contract §2): `Authorization: Token`, versioned paths WITH trailing slashes,
 * asynchronous add (event polling), paginated lists, 404 `{error}` for an unknown memory.
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { type Exchange, parseWith } from "../core/exchange.js";
import { isMem0Error, Mem0Error } from "../errors.js";
import { toEntity, toHistoryEntry, toMemory } from "../schemas/normalize.js";
import {
  platformAddResponse,
  platformEntityPage,
  platformHistoryResponse,
  platformMemorySchema,
  platformMessageResponse,
  platformPing,
  platformSearchResponse,
} from "../schemas/platform-schemas.js";
import type { Mem0Entity } from "../types.js";
import { addBody, type DialectOps, snakeIds, timedPing, updateBody } from "./dialect.js";
import { type PollSettings, pollEvent } from "./platform-events.js";
import { collectPages, platformFilters } from "./platform-pages.js";

const ignoreMessage = parseWith(platformMessageResponse, () => undefined);
const DEFAULT_LIST_LIMIT = 100;
const MAX_ENTITY_PAGES = 50;

export function platformDialect(exchange: Exchange, poll: PollSettings): DialectOps {
  return {
    add: async (req, opts) => {
      const callDeadline = opts?.timeoutMs === undefined ? undefined : performance.now() + opts.timeoutMs;
      // One request id for the add and all its polls, so the whole operation can be traced as one.
      const o = { ...opts, requestId: opts?.requestId ?? randomUUID() };
      const first = await exchange(
        {
          method: "POST",
          path: "/v3/memories/add/",
          body: addBody(req),
        },
        { safe: false, parse: parseWith(platformAddResponse, (r) => r) },
        o,
      );
      if (first.kind === "done") return { status: "done", results: first.results.map((r) => ({ ...r })) };
      return pollEvent(exchange, first.eventId, poll, o, callDeadline);
    },

    search: (req, opts) =>
      exchange(
        {
          method: "POST",
          path: "/v3/memories/search/",
          body: { query: req.query, filters: req.filters, top_k: req.topK, threshold: req.threshold },
        },
        { safe: true, parse: parseWith(platformSearchResponse, (items) => items.map(toMemory)) },
        opts,
      ),

    getAll: (req, opts) =>
      collectPages(exchange, platformFilters(snakeIds(req)), req.topK ?? DEFAULT_LIST_LIMIT, opts),

    get: async (id, opts) => {
      try {
        return await exchange(
          { method: "GET", path: `/v1/memories/${id}/` },
          { safe: true, parse: parseWith(platformMemorySchema, toMemory) },
          opts,
        );
      } catch (err) {
        // The platform says 404 {"error":"Memory not found!"} where the server says 200 null: same meaning.
        if (isMem0Error(err) && err.kind === "not_found") return null;
        throw err;
      }
    },

    update: (id, req, opts) =>
      exchange(
        {
          method: "PUT",
          path: `/v1/memories/${id}/`,
          body: updateBody(req),
        },
        // The platform answers with the updated memory; we only need to know it was accepted.
        { safe: false, parse: ignoreMessage },
        opts,
      ),

    delete: (id, opts) =>
      exchange(
        { method: "DELETE", path: `/v1/memories/${id}/` },
        { safe: false, parse: ignoreMessage },
        opts,
      ),

    // The platform deletes in the background ("Delete in progress"): void means accepted, as on the server.
    deleteAll: (req, opts) =>
      exchange(
        { method: "DELETE", path: "/v1/memories/", query: snakeIds(req) },
        { safe: false, parse: ignoreMessage },
        opts,
      ),

    history: (id, opts) =>
      exchange(
        { method: "GET", path: `/v1/memories/${id}/history/` },
        { safe: true, parse: parseWith(platformHistoryResponse, (rows) => rows.map(toHistoryEntry)) },
        opts,
      ),

    reset: async () => {
      throw new Mem0Error({
        kind: "validation",
        field: "reset",
        message: "reset: the platform dialect has no reset (it would wipe a whole project); use deleteAll",
        retryable: false,
      });
    },

    entities: async (opts) => {
      const out: Mem0Entity[] = [];
      for (let page = 1; page <= MAX_ENTITY_PAGES; page++) {
        const body = await exchange(
          { method: "GET", path: "/v1/entities/", query: { page } },
          { safe: true, parse: parseWith(platformEntityPage, (p) => p) },
          opts,
        );
        out.push(...body.results.map(toEntity));
        if (!body.next || body.results.length === 0) break;
      }
      return out;
    },

    deleteEntity: (type, id, opts) =>
      exchange(
        { method: "DELETE", path: `/v2/entities/${type}/${encodeURIComponent(id)}/` },
        { safe: false, parse: ignoreMessage },
        opts,
      ),

    ping: (opts) => timedPing(exchange, "/v1/ping/", platformPing, opts),
  };
}
