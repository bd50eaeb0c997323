/**
 * Hybrid retrieval inside mem0's own search.
 *
 * mem0ai/oss ranks only its semantic pool (the top max(4 x topK, 60) by cosine): its keyword score re-ranks
 * that pool and a memory that matches the query's words but sits outside it is never returned. Here the
 * pgvector store's `search` is wrapped while a search request runs: it fetches the dense pool as before AND
 * the lexical candidates (BM25 over PostgreSQL full text, in the caller's scope), takes their union, and
 * returns the candidates that pass the relevance gate with one fused score (score-fusion.ts). mem0 then does
 * the rest exactly as before (expiry, formatting, topK; it is asked for threshold 0 because the gate here
 * already applied the caller's threshold to the cosine), and its own keyword term is switched off for that
 * request so words are not counted twice.
 *
 * The wrapper acts only on searches run through the engine's `SearchRequests` (the REST /search route),
 * whose query vector was bound to the request (`bindQueryVector`); mem0's internal searches (an inferred
 * add looking for related memories) stay dense, as mem0 designed them.
 *
 * The dense half of a scoped search (both kinds) comes from the scope's vectors kept in JS when `vectors` is
 * given (scope-vectors.ts): an exact cosine scan there, with the candidates' payloads kept beside the vectors.
 * Otherwise it is mem0's own SQL search, and the payloads of lexical candidates are read in one statement.
 * The lexical half of a cached scope is scored from the scope's lexemes kept beside its vectors
 * (scope-lexicon.ts); of any other scope, by the SQL match below.
 */
import type { PGlite } from "@electric-sql/pglite";
import { type Bm25Stats, bm25Scores, parseTsvector } from "./bm25.js";
import { LEXICAL_COLUMN } from "./lexical-column.js";
import { type ScopeConditions, scopeConditions } from "./scope-conditions.js";
import type { ScopeLexicon } from "./scope-lexicon.js";
import type { CachedScope, ScopeVectors } from "./scope-vectors.js";
import { DEFAULT_FUSION, type FusionWeights, fuseScores, passesThreshold } from "./score-fusion.js";
import type { VectorMatrix } from "./vector-matrix.js";

export interface StoreHit {
  id: string;
  payload: Record<string, unknown>;
  score: number;
}

export interface HybridStore {
  search(vector: number[], limit: number, filters?: Record<string, unknown>): Promise<StoreHit[]>;
  keywordSearch?(query: string, limit: number, filters?: Record<string, unknown>): Promise<unknown>;
}

interface SearchRequest {
  query: string;
  /** the caller's threshold on the cosine (see passesThreshold) */
  threshold: number;
}

/**
 * The search requests of one engine. Their context travels on objects mem0 passes along unchanged, not in an
 * AsyncLocalStorage: on Node 20 an AsyncLocalStorage turns on promise hooks for the whole process, and
 * PGlite makes many promises per statement (README, "Search context without AsyncLocalStorage"). mem0's
 * search embeds its query (`embed(query, "search")`), hands that same array to the store's `search`, then
 * hands the same filters object to the store's `keywordSearch`.
 */
export class SearchRequests {
  /** Requests inside `run` whose query vector is not bound yet, by query text, oldest first. */
  private readonly unbound = new Map<string, SearchRequest[]>();
  /** The request a query vector was embedded for. */
  private readonly ofVector = new WeakMap<number[], SearchRequest>();
  /** The filters of searches whose lexical half was fused in: mem0's own keyword term is off for them. */
  private readonly fused = new WeakSet<object>();

  /**
   * Runs a mem0 search with hybrid retrieval for `query`. mem0 must be called with threshold 0 inside: the
   * caller's `threshold` is applied here, to the cosine, before fusion changes the scale of the score.
   */
  async run<T>(query: string, threshold: number, search: () => Promise<T>): Promise<T> {
    const request: SearchRequest = { query, threshold };
    const waiting = this.unbound.get(query);
    if (waiting) waiting.push(request);
    else this.unbound.set(query, [request]);
    try {
      return await search();
    } finally {
      const left = this.unbound.get(query);
      const at = left?.indexOf(request) ?? -1;
      if (left && at >= 0) {
        left.splice(at, 1);
        if (left.length === 0) this.unbound.delete(query);
      }
    }
  }

  /**
   * Binds the vector just embedded for a search of `text` to the oldest request of that text still unbound.
   * Requests of one text enter mem0 in order and take the same awaits to its embedding, so they bind in
   * order. Outside `run` (mem0's own searches inside an inferred add) nothing binds: those stay dense.
   */
  bindQueryVector(text: string, vector: number[]): void {
    const waiting = this.unbound.get(text);
    const request = waiting?.shift();
    if (!request) return;
    if (waiting?.length === 0) this.unbound.delete(text);
    this.ofVector.set(vector, request);
  }

  /** The request `vector` was embedded for; none for a search outside `run`. */
  requestOf(vector: number[]): SearchRequest | undefined {
    return this.ofVector.get(vector);
  }

  markFused(filters: object): void {
    this.fused.add(filters);
  }

  isFused(filters: object): boolean {
    return this.fused.has(filters);
  }
}

const STATS_TTL_MS = 10_000;
const STATS_CACHE_MAX = 1_000;

export interface HybridOptions {
  table: string;
  fusion?: FusionWeights;
  /** Scoped dense searches answered from vectors kept in JS (scope-vectors.ts); absent: mem0's SQL search. */
  vectors?: ScopeVectors;
  /** The engine's search requests: only a search run there is hybrid. */
  requests: SearchRequests;
}

export function installHybridSearch(store: HybridStore, db: PGlite, options: HybridOptions): void {
  const denseSearch = store.search.bind(store);
  const keywordSearch = store.keywordSearch?.bind(store);
  const { table, vectors, requests } = options;
  const fusion = options.fusion ?? DEFAULT_FUSION;
  // Scope statistics change slowly and only need to be roughly right: cached per scope for a few seconds.
  const statsCache = new Map<string, { stats: Bm25Stats; at: number }>();

  async function scopeStats(scope: ScopeConditions): Promise<Bm25Stats> {
    const hit = statsCache.get(scope.key);
    if (hit && Date.now() - hit.at < STATS_TTL_MS) return hit.stats;
    const { rows } = await db.query<{ n: number; avg: number }>(
      `SELECT count(*)::int AS n, coalesce(avg(length(${LEXICAL_COLUMN})), 0)::float8 AS avg ` +
        `FROM "${table}" WHERE ${scope.sql}`,
      scope.params,
    );
    const stats = { documents: rows[0]?.n ?? 0, averageLength: rows[0]?.avg ?? 0 };
    if (statsCache.size >= STATS_CACHE_MAX) statsCache.clear();
    statsCache.set(scope.key, { stats, at: Date.now() });
    return stats;
  }

  /**
   * One statement: the query's lexemes (the row whose id is NULL) and the scope's rows matching any of them.
   * The OR query quotes each lexeme exactly as bm25.ts's anyLexemeQuery does (backslash doubled, quote
   * doubled); no lexeme, no match.
   */
  const ANY_LEXEME_SQL =
    "(SELECT string_agg('''' || replace(replace(l, '\\', '\\\\'), '''', '''''') || '''', ' | ')::tsquery " +
    "FROM q, unnest(q.lexemes) AS l)";

  async function lexicalScores(query: string, scope: ScopeConditions): Promise<Map<string, number>> {
    const n = scope.params.length + 1;
    const [{ rows }, stats] = await Promise.all([
      db.query<{ id: string | null; lex: string | null; lexemes: string[] | null }>(
        `WITH q AS (SELECT tsvector_to_array(to_tsvector('english', $${n}::text)) AS lexemes) ` +
          "SELECT NULL::text AS id, NULL::text AS lex, (SELECT lexemes FROM q) AS lexemes UNION ALL " +
          `(SELECT id::text, ${LEXICAL_COLUMN}::text, NULL FROM "${table}" ` +
          `WHERE ${scope.sql} AND ${LEXICAL_COLUMN} @@ ${ANY_LEXEME_SQL})`,
        [...scope.params, query],
      ),
      scopeStats(scope),
    ]);
    const lexemes = rows.find((r) => r.id === null)?.lexemes ?? [];
    if (lexemes.length === 0) return new Map();
    return bm25Scores(
      lexemes,
      rows.flatMap((r) => (r.id !== null && r.lex !== null ? [parseTsvector(r.id, r.lex)] : [])),
      stats,
    );
  }

  /**
   * BM25 from a cached scope's lexicon: one statement for the query's lexemes and the lexemes of the rows
   * written since the scope's last search (scope-lexicon.ts), no scan of the scope's matches.
   */
  async function cachedLexicalScores(query: string, lexicon: ScopeLexicon): Promise<Map<string, number>> {
    const asked = lexicon.pending();
    const { rows } = await db.query<{ id: string | null; lex: string | null; lexemes: string[] | null }>(
      "SELECT NULL::text AS id, NULL::text AS lex, tsvector_to_array(to_tsvector('english', $1::text)) AS lexemes" +
        (asked.size > 0
          ? ` UNION ALL SELECT id::text, ${LEXICAL_COLUMN}::text, NULL FROM "${table}" WHERE id = ANY($2::uuid[])`
          : ""),
      asked.size > 0 ? [query, [...asked.keys()]] : [query],
    );
    lexicon.settle(
      asked,
      rows.flatMap((r) => (r.id !== null && r.lex !== null ? [parseTsvector(r.id, r.lex)] : [])),
    );
    const lexemes = rows.find((r) => r.id === null)?.lexemes ?? [];
    return lexemes.length === 0 ? new Map() : lexicon.scores(lexemes);
  }

  /**
   * Payloads of `ids`, and the cosine of those in `needCosine` (not in the cached scope: a row written after
   * its scope loaded whose note had not arrived yet, or a scope too large to cache). One statement.
   */
  async function rowsOf(
    vector: number[],
    ids: string[],
    needCosine: string[],
  ): Promise<Map<string, { payload: Record<string, unknown>; cosine?: number }>> {
    if (ids.length === 0) return new Map();
    const withCosine = needCosine.length > 0;
    const { rows } = await db.query<{
      id: string;
      payload: Record<string, unknown>;
      distance: number | null;
    }>(
      `SELECT id::text AS id, payload, ${
        withCosine
          ? "CASE WHEN id = ANY($2::uuid[]) THEN (vector <=> $3::vector)::float8 END"
          : "NULL::float8"
      } AS distance FROM "${table}" WHERE id = ANY($1::uuid[])`,
      withCosine ? [ids, needCosine, `[${vector.join(",")}]`] : [ids],
    );
    // Clamped to 0..1 exactly as mem0's pgvector store reports the cosine of its own hits.
    return new Map(
      rows.map((r) => [
        r.id,
        {
          payload: r.payload,
          ...(r.distance === null ? {} : { cosine: Math.max(0, Math.min(1, 1 - r.distance)) }),
        },
      ]),
    );
  }

  /** mem0's dense search for a scope: from the cached vectors when the scope is cached, else SQL. */
  async function nearest(
    vector: number[],
    limit: number,
    filters: Record<string, unknown> | undefined,
    matrix: VectorMatrix | undefined,
  ): Promise<{ id: string; cosine: number; payload?: Record<string, unknown> }[]> {
    if (!matrix)
      return (await denseSearch(vector, limit, filters)).map((h) => ({
        id: String(h.id),
        cosine: h.score,
        payload: h.payload,
      }));
    return matrix.nearest(vector, limit);
  }

  store.search = async (vector, limit, filters) => {
    const request = requests.requestOf(vector);
    const scope = scopeConditions(filters, 1);
    const cached: CachedScope | null = scope && vectors ? await vectors.cachedScope(scope) : null;
    const matrix = cached?.matrix;
    if (!request || !scope) {
      if (!matrix) {
        const dense = await denseSearch(vector, limit, filters);
        return request ? dense.filter((h) => h.score >= request.threshold) : dense;
      }
      // A cached scope holds a payload for every vector it holds (scope-vectors.ts keeps them together).
      return matrix.nearest(vector, limit).flatMap((h) => {
        const payload = cached?.payloads.get(h.id);
        return payload ? [{ id: h.id, payload, score: h.cosine }] : [];
      });
    }
    const [dense, lexical] = await Promise.all([
      nearest(vector, limit, filters, matrix),
      cached ? cachedLexicalScores(request.query, cached.lexicon) : lexicalScores(request.query, scope),
    ]);
    const cosines = new Map(dense.map((h) => [h.id, h.cosine]));
    for (const [id] of [...lexical.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit)) {
      if (cosines.has(id)) continue;
      const cosine = matrix?.cosineOf(vector, id);
      cosines.set(id, cosine ?? Number.NaN);
    }
    const ids = [...cosines.keys()];
    const known = new Map(dense.flatMap((h) => (h.payload ? [[h.id, h.payload] as const] : [])));
    for (const id of ids) {
      const payload = cached?.payloads.get(id);
      if (payload) known.set(id, payload);
    }
    const rows = await rowsOf(
      vector,
      ids.filter((id) => !known.has(id)),
      ids.filter((id) => Number.isNaN(cosines.get(id))),
    );
    if (filters) requests.markFused(filters);
    const candidates = ids.flatMap((id) => {
      const payload = known.get(id) ?? rows.get(id)?.payload;
      const kept = cosines.get(id) as number;
      const cosine = Number.isNaN(kept) ? rows.get(id)?.cosine : kept;
      // Gone from the table (an uncached scope's lexical match deleted meanwhile), or no vector: not a hit.
      return payload && cosine !== undefined ? [{ id, payload, cosine }] : [];
    });
    const payloads = new Map(candidates.map((c) => [c.id, c.payload]));
    return fuseScores(
      candidates.map((c) => ({
        id: c.id,
        cosine: c.cosine,
        bm25: lexical.get(c.id) ?? 0,
        time: timeOf(c.payload),
      })),
      fusion,
    )
      .filter((f) => passesThreshold(f, request.threshold))
      .map((f) => ({ id: f.id, payload: payloads.get(f.id) ?? {}, score: f.score }));
  };

  if (keywordSearch)
    store.keywordSearch = async (query, limit, filters) =>
      filters && requests.isFused(filters) ? null : keywordSearch(query, limit, filters);
}

/** When the memory was last written, as mem0 records it in the payload. */
function timeOf(payload: Record<string, unknown>): string | undefined {
  const t = payload.updatedAt ?? payload.createdAt;
  return typeof t === "string" ? t : undefined;
}
