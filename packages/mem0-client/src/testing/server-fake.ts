/**
 * A loopback fake of the self-hosted mem0 REST server (mem0-contract §1): its paths (no trailing slashes),
 * auth (X-API-Key or Bearer, 401 with WWW-Authenticate), status codes and error bodies, `200 null` for an
 * unknown id, 502 `{detail, code, request_id}` for a malformed id, X-Request-ID on every answer.
 * Memory semantics come from FakeStore (no LLM: adds are stored verbatim).
 */
import { isUuid } from "../ids.js";
import { type AddBody, AddLog } from "./add-log.js";
import {
  detail,
  hasWhitespace,
  json,
  notFoundRoute,
  serverItem,
  shortRequestId,
  unprocessable,
  upstream,
} from "./fake-replies.js";
import { FakeStore, ID_KEYS, type Scope } from "./fake-store.js";
import type { StubReply, StubRequest } from "./stub-types.js";

export interface ServerFakeOptions {
  /** The ADMIN_API_KEY; when absent the fake behaves like AUTH_DISABLED=true. */
  apiKey?: string;
  /** Accepted `Authorization: Bearer` tokens. */
  bearerTokens?: string[];
  store?: FakeStore;
  /** Where accepted and rejected adds are logged (default: a new AddLog that records everything). */
  addLog?: AddLog;
}

const AUTH_REQUIRED = "Authentication required. Provide a Bearer token or X-API-Key header.";

export function createServerFake(opts: ServerFakeOptions = {}) {
  const store = opts.store ?? new FakeStore();
  const addLog = opts.addLog ?? new AddLog();
  const handle = (req: StubRequest): StubReply => {
    const rid = shortRequestId();
    const reply = route(req, rid);
    reply.headers = { "x-request-id": rid, ...reply.headers };
    return reply;
  };

  function authFailure(req: StubRequest): StubReply | undefined {
    if (opts.apiKey === undefined) return undefined;
    const auth = req.headers.authorization;
    if (auth?.startsWith("Bearer ")) {
      return opts.bearerTokens?.includes(auth.slice(7))
        ? undefined
        : detail(401, "Invalid or expired token.");
    }
    const key = req.headers["x-api-key"];
    if (key === undefined)
      return { ...detail(401, AUTH_REQUIRED), headers: { "www-authenticate": "Bearer" } };
    return key === opts.apiKey ? undefined : detail(401, "Invalid API key.");
  }

  function route(req: StubRequest, rid: string): StubReply {
    const { method, path } = req;
    if (path === "/auth/setup-status" && method === "GET") return json(200, { needsSetup: false });
    const denied = authFailure(req);
    if (denied) return denied;
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (path === "/memories") {
      if (method === "POST") return logged(body, add(body));
      if (method === "GET") return list(req.query);
      if (method === "DELETE") return deleteAll(req.query);
    }
    if (path === "/search" && method === "POST") return search(body);
    if (path === "/reset" && method === "POST") {
      store.reset();
      return json(200, { message: "All memories reset" });
    }
    if (path === "/entities" && method === "GET") return json(200, store.entities());
    const entity = /^\/entities\/([^/]+)\/([^/]+)$/.exec(path);
    if (entity && method === "DELETE")
      return deleteEntity(entity[1] as string, decodeURIComponent(entity[2] as string));
    const byId = /^\/memories\/([^/]+)(\/history)?$/.exec(path);
    if (byId) return memoryById(method, byId[1] as string, Boolean(byId[2]), body, rid);
    return notFoundRoute();
  }

  /** Logs an add the fake answered: accepted (200, with its memory ids) or rejected (any 4xx). */
  function logged(body: Record<string, unknown>, reply: StubReply): StubReply {
    if (reply.status === 200) {
      const results = (reply.body as { results: { id: string }[] }).results;
      addLog.accepted(
        body as unknown as AddBody,
        results.map((r) => r.id),
      );
    } else addLog.rejected();
    return reply;
  }

  /** The entity ids of a request, or the 400 the server sends for whitespace inside one. */
  function scopeOf(src: Record<string, unknown>): { scope: Scope } | { reply: StubReply } {
    const scope: Scope = {};
    for (const k of ID_KEYS) {
      const v = src[k];
      if (v === undefined || v === null || v === "") continue;
      if (hasWhitespace(v)) return { reply: detail(400, `Invalid ${k}: whitespace is not allowed.`) };
      scope[k] = String(v);
    }
    return { scope };
  }

  function add(body: Record<string, unknown>): StubReply {
    const messages = body.messages;
    if (!Array.isArray(messages))
      return unprocessable(["body", "messages"], "missing", "Field required", body);
    for (const [i, m] of messages.entries()) {
      if (typeof (m as { content?: unknown })?.content !== "string") {
        return unprocessable(
          ["body", "messages", i, "content"],
          "string_type",
          "Input should be a valid string",
          m,
        );
      }
    }
    const ids = scopeOf(body);
    if ("reply" in ids) return ids.reply;
    const { scope } = ids;
    if (Object.keys(scope).length === 0) {
      return detail(400, "At least one of 'user_id', 'agent_id' or 'run_id' must be provided.");
    }
    const exp = body.expiration_date;
    if (exp != null && (typeof exp !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(exp))) {
      return detail(400, "Invalid expiration_date format. Use YYYY-MM-DD.");
    }
    const recs = store.add(
      messages as { role: string; content: string }[],
      scope,
      (body.metadata as Record<string, unknown>) ?? null,
      exp as string | null,
    );
    return json(200, {
      results: recs.map((r) => ({ id: r.id, memory: r.memory, event: "ADD", actor_id: null, role: r.role })),
    });
  }

  function parseTopK(raw: string | null, fallback: number): number | StubReply {
    if (raw === null) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0 || n > 1000) {
      return unprocessable(
        ["query", "top_k"],
        "less_than_equal",
        "Input should be less than or equal to 1000",
        raw,
      );
    }
    return n;
  }

  function list(q: URLSearchParams): StubReply {
    const ids = scopeOf(Object.fromEntries(q));
    if ("reply" in ids) return ids.reply;
    const topK = parseTopK(q.get("top_k"), 20);
    if (typeof topK !== "number") return topK;
    const showExpired = q.get("show_expired") === "true";
    return json(200, { results: store.list(ids.scope, topK, showExpired).map((r) => serverItem(r)) });
  }

  function deleteAll(q: URLSearchParams): StubReply {
    const ids = scopeOf(Object.fromEntries(q));
    if ("reply" in ids) return ids.reply;
    if (Object.keys(ids.scope).length === 0) return detail(400, "At least one identifier is required.");
    store.deleteWhere(ids.scope);
    return json(200, { message: "All relevant memories deleted" });
  }

  function search(body: Record<string, unknown>): StubReply {
    const query = typeof body.query === "string" ? body.query.trim() : "";
    if (!query) return detail(400, "query must not be empty.");
    const filters = { ...((body.filters as Record<string, unknown>) ?? {}) };
    for (const k of ID_KEYS) if (body[k] !== undefined) filters[k] = body[k];
    if (!ID_KEYS.some((k) => filters[k] !== undefined)) {
      return detail(400, "filters must contain at least one of: user_id, agent_id, run_id.");
    }
    const threshold = body.threshold ?? 0.1;
    if (typeof threshold !== "number" || threshold < 0 || threshold > 1) {
      return detail(400, "threshold must be between 0 and 1.");
    }
    const topK = body.top_k ?? 20;
    if (typeof topK !== "number" || topK < 0) return detail(400, "top_k must be >= 0.");
    const hits = store.search(query, filters, topK, threshold);
    return json(200, { results: hits.map((h) => serverItem(h.rec, Math.round(h.score * 1000) / 1000)) });
  }

  function deleteEntity(type: string, id: string): StubReply {
    if (!["user", "agent", "run"].includes(type)) {
      return unprocessable(["path", "entity_type"], "enum", "Input should be 'user', 'agent' or 'run'", type);
    }
    store.deleteWhere({ [`${type}_id`]: id });
    return json(200, { message: "Entity deleted" });
  }

  function memoryById(
    method: string,
    id: string,
    history: boolean,
    body: Record<string, unknown>,
    rid: string,
  ): StubReply {
    // pgvector's id column is a UUID: psycopg's InvalidTextRepresentation surfaces as a 502 "unknown" (§1.4).
    if (!isUuid(id)) return upstream(`invalid input syntax for type uuid: "${id}"`, "unknown", rid);
    if (history) return method === "GET" ? json(200, store.history.get(id) ?? []) : notFoundRoute();
    if (method === "GET") {
      const rec = store.memories.get(id);
      return json(200, rec ? serverItem(rec, null) : null);
    }
    if (method === "DELETE") {
      return store.delete(id)
        ? json(200, { message: "Memory deleted successfully" })
        : detail(404, `Memory with id ${id} not found`);
    }
    if (method === "PUT") {
      const present = ["text", "metadata", "expiration_date"].filter((k) => k in body);
      if (present.length === 0)
        return detail(400, "At least one of text, metadata, or expiration_date must be provided.");
      const rec = store.update(id, body as never);
      if (!rec) return detail(404, `Memory with id ${id} not found. Please provide a valid 'memory_id'`);
      return json(200, { message: "Memory updated successfully!" });
    }
    return detail(405, "Method Not Allowed");
  }

  return { handle, store, addLog };
}
