/**
 * A loopback fake of the hosted platform (mem0-contract §2.2): `Authorization: Token`, versioned paths with
 * trailing slashes (a path without one is a 404 here), asynchronous add answered with an event that becomes
 * SUCCEEDED after `pendingPolls` polls (or FAILED / never), paginated lists that name run_id "session_id".
 */
import { randomUUID } from "node:crypto";
import { isUuid } from "../ids.js";
import { json, serverItem } from "./fake-replies.js";
import { type FakeRecord, FakeStore, ID_KEYS, type Scope } from "./fake-store.js";
import type { StubReply, StubRequest } from "./stub-types.js";

export interface PlatformFakeOptions {
  apiKey: string;
  /** Polls answered PENDING/RUNNING before the event settles; Infinity keeps it pending forever. */
  pendingPolls?: number;
  /** Settle events as FAILED with this error instead of SUCCEEDED. */
  failEventsWith?: string;
  store?: FakeStore;
}

interface FakeEvent {
  polls: number;
  results: { id: string; data: { memory: string }; event: "ADD" }[];
}

const error = (status: number, message: string) => json(status, { error: message });

function platformItem(rec: FakeRecord, score?: number): Record<string, unknown> {
  const { run_id, ...rest } = serverItem(rec, score);
  return { ...rest, session_id: run_id ?? null, app_id: null, categories: [] };
}

export function createPlatformFake(opts: PlatformFakeOptions) {
  const store = opts.store ?? new FakeStore();
  const events = new Map<string, FakeEvent>();
  const pendingPolls = opts.pendingPolls ?? 1;

  const handle = (req: StubRequest): StubReply => {
    if (req.headers.authorization !== `Token ${opts.apiKey}`) {
      return json(401, { detail: "Invalid API key. Please provide a valid API key." });
    }
    const { method, path } = req;
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (path === "/v1/ping/" && method === "GET") {
      return json(200, { status: "ok", org_id: "org", project_id: "proj", user_email: null });
    }
    if (path === "/v3/memories/add/" && method === "POST") return add(body);
    if (path === "/v3/memories/search/" && method === "POST") return search(body);
    if (path === "/v3/memories/" && method === "POST") return page(req.query, body);
    if (path === "/v1/memories/" && method === "DELETE") {
      const scope = scopeOf(Object.fromEntries(req.query));
      if (Object.keys(scope).length === 0) return error(400, "At least one filter is required.");
      store.deleteWhere(scope);
      return json(200, { message: "Delete in progress. This may take some time.", event_id: randomUUID() });
    }
    if (path === "/v1/entities/" && method === "GET") {
      return json(200, {
        count: 0,
        next: null,
        previous: null,
        results: store.entities().map((e) => ({ ...e, name: e.id, id: 1 })),
      });
    }
    const ev = /^\/v1\/event\/([^/]+)\/$/.exec(path);
    if (ev && method === "GET") return event(ev[1] as string);
    const byId = /^\/v1\/memories\/([^/]+)\/(history\/)?$/.exec(path);
    if (byId) return memoryById(method, byId[1] as string, Boolean(byId[2]), body);
    return json(404, { detail: "Not found." });
  };

  function scopeOf(src: Record<string, unknown>): Scope {
    const scope: Scope = {};
    for (const k of ID_KEYS) if (typeof src[k] === "string" && src[k]) scope[k] = src[k] as string;
    return scope;
  }

  /** Accepts `{user_id}` or `{AND: [{user_id}, {agent_id}]}`. */
  function filtersOf(f: unknown): Record<string, unknown> {
    const obj = (f ?? {}) as Record<string, unknown>;
    if (Array.isArray(obj.AND)) return Object.assign({}, ...(obj.AND as Record<string, unknown>[]));
    return obj;
  }

  function add(body: Record<string, unknown>): StubReply {
    if (!Array.isArray(body.messages) || body.messages.length === 0)
      return error(400, "messages is required");
    const scope = scopeOf(body);
    if (Object.keys(scope).length === 0)
      return error(400, "One of the filters: agent_id, user_id, app_id or run_id is required!");
    const recs = store.add(
      body.messages as { role: string; content: string }[],
      scope,
      (body.metadata as Record<string, unknown>) ?? null,
    );
    const results = recs.map((r) => ({ id: r.id, data: { memory: r.memory }, event: "ADD" as const }));
    if (body.infer === false) return json(200, { results, message: "Memories added successfully" });
    const id = randomUUID();
    events.set(id, { polls: 0, results });
    return json(200, { event_id: id, status: "PENDING" });
  }

  function event(id: string): StubReply {
    const ev = events.get(id);
    if (!ev) return error(404, "Event not found");
    ev.polls++;
    const base = { id, event_type: "ADD", payload: {}, latency: 12.5 };
    if (ev.polls <= pendingPolls)
      return json(200, {
        ...base,
        status: ev.polls === 1 ? "PENDING" : "RUNNING",
        results: null,
        error: null,
      });
    if (opts.failEventsWith)
      return json(200, { ...base, status: "FAILED", results: null, error: opts.failEventsWith });
    return json(200, { ...base, status: "SUCCEEDED", results: ev.results, error: null });
  }

  function search(body: Record<string, unknown>): StubReply {
    const filters = filtersOf(body.filters);
    if (!ID_KEYS.some((k) => filters[k] !== undefined))
      return error(400, "filters must contain an entity id");
    const hits = store.search(
      String(body.query ?? ""),
      filters,
      Number(body.top_k ?? 10),
      Number(body.threshold ?? 0.1),
    );
    return json(200, { results: hits.map((h) => platformItem(h.rec, h.score)) });
  }

  function page(q: URLSearchParams, body: Record<string, unknown>): StubReply {
    const filters = filtersOf(body.filters);
    if (!ID_KEYS.some((k) => filters[k] !== undefined))
      return error(400, "filters must contain an entity id");
    const pageNo = Number(q.get("page") ?? 1);
    const size = Math.min(200, Number(q.get("page_size") ?? 100));
    const all = store.list(filters, Number.POSITIVE_INFINITY);
    const slice = all.slice((pageNo - 1) * size, pageNo * size);
    // `next` is absolute and points at the real API host: a client must never follow it with its token.
    const next =
      pageNo * size < all.length
        ? `https://api.mem0.ai/v3/memories/?page=${pageNo + 1}&page_size=${size}`
        : null;
    return json(200, { count: all.length, next, previous: null, results: slice.map((r) => platformItem(r)) });
  }

  function memoryById(
    method: string,
    id: string,
    history: boolean,
    body: Record<string, unknown>,
  ): StubReply {
    if (!isUuid(id)) return error(400, "memory_id should be a valid UUID");
    if (history)
      return json(
        200,
        (store.history.get(id) ?? []).map((h) => ({ ...h, input: [], session_id: null })),
      );
    const rec = store.memories.get(id);
    if (!rec) return error(404, "Memory not found!");
    if (method === "GET") return json(200, platformItem(rec));
    if (method === "DELETE") {
      store.delete(id);
      return json(200, { message: "Memory deleted successfully!" });
    }
    if (method === "PUT") return json(200, platformItem(store.update(id, body as never) as FakeRecord));
    return json(405, { detail: "Method not allowed." });
  }

  return { handle, store, events };
}
