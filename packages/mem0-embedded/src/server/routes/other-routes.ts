/**
 * /search, /reset, /entities, /auth/setup-status, and /embedded/info (this package's own).
 */
import type { TextCacheStats } from "../../embedder/text-vector-cache.js";
import { badRequest, parseOrThrow } from "../http-error.js";
import type { Route, RouteContext } from "../route-table.js";
import { type EngineItem, toMemoryItem } from "../translate.js";
import { entityPathSchema, searchRequestSchema } from "../validation/schemas.js";
import { countMemories, listEntities } from "./admin-sql.js";
import { idFilters } from "./id-filters.js";
import { deleteScope } from "./memory-routes.js";

/** mem0ai/oss's default search threshold, kept when the caller sends none. */
const MEM0_DEFAULT_THRESHOLD = 0.1;

async function search({ engine, body }: RouteContext) {
  const req = parseOrThrow(searchRequestSchema, body, "body");
  const query = req.query.trim();
  if (query === "") throw badRequest("Query cannot be empty.");
  // Deprecated top-level ids are merged into filters (the Python server logs a warning and does the same).
  const filters: Record<string, unknown> = { ...(req.filters ?? {}), ...idFilters(req) };
  if (!filters.user_id && !filters.agent_id && !filters.run_id)
    throw badRequest("filters must contain at least one of: user_id, agent_id, run_id.");
  // Hybrid: mem0's dense pool plus BM25 candidates of the same scope, fused (engine/hybrid-search.ts). The
  // threshold is applied there, to the cosine; an out-of-range one goes to mem0 for its own 400 message.
  const threshold = req.threshold ?? MEM0_DEFAULT_THRESHOLD;
  const inRange = threshold >= 0 && threshold <= 1;
  // A scope with no memories (a new user's first turn) has one answer, given without the query's model run
  // (engine/empty-scope.ts). Only for a request mem0 would accept: its refusals stay its own.
  const acceptable = inRange && (req.top_k == null || req.top_k >= 0);
  if (acceptable && (await engine.isKnownEmptyScope(filters))) return { body: { results: [] } };
  const { results } = await engine.withSearchQuery(query, threshold, () =>
    engine.memory.search(query, {
      filters,
      ...(req.top_k != null ? { topK: req.top_k } : {}),
      threshold: inRange ? 0 : threshold,
      explain: req.explain ?? false,
      showExpired: req.show_expired ?? false,
    }),
  );
  return { body: { results: (results as EngineItem[]).map((m) => toMemoryItem(m, "search")) } };
}

async function reset({ engine }: RouteContext) {
  await engine.reset();
  return { body: { message: "All memories reset" } };
}

async function entities({ engine }: RouteContext) {
  return { body: await listEntities(engine) };
}

async function deleteEntity({ engine, params }: RouteContext) {
  const p = parseOrThrow(entityPathSchema, params, "path");
  await deleteScope(engine, { [`${p.entity_type}_id`]: p.entity_id });
  return { body: { message: "Entity deleted" } };
}

export interface ServerInfo {
  engine: string;
  vector_store: string;
  embedder: { name: string; dimensions: number };
  llm: { model: string } | null;
  process_model: string;
  data_dir: string;
  /** PGlite's buffer cache, sized at start from the data (engine/buffer-cache-size.ts). */
  shared_buffers_mb: number;
  /** The embedder's text-vector cache (embedder/text-vector-cache.ts), read per request; null without one. */
  embeddingCache: () => TextCacheStats | null;
}

export function otherRoutes(info: ServerInfo): Route[] {
  return [
    { method: "POST", path: "/search", auth: true, handler: search },
    { method: "POST", path: "/reset", auth: true, handler: reset },
    { method: "GET", path: "/entities", auth: true, handler: entities },
    { method: "DELETE", path: "/entities/{entity_type}/{entity_id}", auth: true, handler: deleteEntity },
    // Liveness, no auth, as on the Python server. There are no user accounts here: setup is never needed.
    {
      method: "GET",
      path: "/auth/setup-status",
      auth: false,
      handler: async () => ({ body: { needsSetup: false } }),
    },
    {
      method: "GET",
      path: "/embedded/info",
      auth: true,
      handler: async ({ engine }) => {
        const { embeddingCache, ...fixed } = info;
        return {
          body: {
            ...fixed,
            embedding_cache: embeddingCache(),
            inference: engine.inference,
            memories: await countMemories(engine),
          },
        };
      },
    },
  ];
}
