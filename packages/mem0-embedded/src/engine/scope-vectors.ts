/**
 * The vectors of the scopes that were searched lately, kept in JS so that a scoped dense search is an exact
 * scan in JS instead of SQL (vector-matrix.ts), and mem0's table needs no HNSW index: an insert costs ~1 ms
 * instead of ~6.5 ms with one (measured; README "Vectors in JS"). Beside them, the same rows' lexemes, so
 * the lexical half is scored in JS too (scope-lexicon.ts; README "Words in JS").
 *
 * Consistency: a scope is loaded from the table on its first search, then kept in step by the vector store's
 * own writes (`noteInserted` / `noteUpdated` / `noteDeleted`, called after each statement succeeds, with the
 * row's lexemes when the write read them back; a write that fails drops every cached scope). Writes noted while a scope loads are replayed on the loaded copy, so a
 * row is neither missed nor kept after its delete, whichever of the load and the write PGlite ran first.
 * Code that writes the table around mem0's store must call `clear()`: the cache answers a cached scope's
 * searches alone (vectors, lexemes and payloads), so a row written behind its back is not seen until then.
 *
 * Bounded by `maxRows` vectors in all (least recently searched scopes go first); a scope larger than that
 * alone is not cached and its searches go to SQL, re-tried after OVERSIZED_RETRY_MS.
 *
 * A write visits only the cached scopes it can concern: those holding the row (`holders`: it may leave them)
 * and those whose anchor condition its payload meets (`byAnchor`: it may join them), not every cached scope.
 * With one visit per cached scope, each insert cost the engine's main thread time in proportion to the
 * scopes cached (up to MAX_SCOPES), so the more tenants had searched, the slower every write.
 */
import type { PGlite } from "@electric-sql/pglite";
import { parseTsvector } from "./bm25.js";
import { LEXICAL_COLUMN } from "./lexical-column.js";
import { anchorText, jsonText, type ScopeConditions } from "./scope-conditions.js";
import { ScopeLexicon } from "./scope-lexicon.js";
import { VectorMatrix } from "./vector-matrix.js";

const OVERSIZED_RETRY_MS = 60_000;
/**
 * What one cached row costs on the heap besides its vector (its id, lexemes, payload and `holders` entry), for
 * the memory budget: measured 1,410 bytes per row for the P5 corpus (10k memories in one scope, heap after GC;
 * README "Words in JS") plus 84 for the `holders` entry. Longer memories cost more.
 */
export const CACHED_ROW_HEAP_BYTES = 1536;
/** Empty or tiny scopes cost little, but a cache of a million of them is a leak all the same. */
const MAX_SCOPES = 10_000;

type Payload = Record<string, unknown>;

type Write =
  | {
      kind: "upsert";
      id: string;
      vector: ArrayLike<number>;
      payload: Payload;
      /** The row's lexical column as the write read it back (text form); absent: read at the next search. */
      lex?: string | null;
    }
  | { kind: "delete"; id: string };

/** One cached scope: its vectors, its rows' lexemes for BM25 (scope-lexicon.ts), and their payloads. */
export interface CachedScope {
  matrix: VectorMatrix;
  lexicon: ScopeLexicon;
  /** What mem0 stored with each row, as written; read-only for callers. */
  payloads: Map<string, Payload>;
}

interface Loading {
  done: Promise<CachedScope | null>;
  writes: Write[];
}

export interface ScopeVectorsOptions {
  db: PGlite;
  table: string;
  dimensions: number;
  /** Vectors kept in all scopes together (each costs dimensions x 4 bytes). */
  maxRows: number;
}

export class ScopeVectors {
  /** Map order is recency of use: the first entry is evicted first. */
  private readonly scopes = new Map<string, { scope: ScopeConditions; cached: CachedScope }>();
  private readonly loading = new Map<string, Loading>();
  private readonly oversized = new Map<string, number>();
  /** Cached scopes' keys by their anchor (ScopeConditions.anchor); `unanchored`: scopes of lists only. */
  private readonly byAnchor = new Map<string, Set<string>>();
  private readonly unanchored = new Set<string>();
  /** Row id -> keys of the cached scopes holding it. */
  private readonly holders = new Map<string, string[]>();
  private rows = 0;
  private generation = 0;

  constructor(private readonly options: ScopeVectorsOptions) {}

  /** Vectors held now, in all scopes. */
  get size(): number {
    return this.rows;
  }

  /** The scope's vectors, lexemes and payloads (loaded on first use), or null when it is too large to keep. */
  async cachedScope(scope: ScopeConditions): Promise<CachedScope | null> {
    const held = this.scopes.get(scope.key);
    if (held) {
      this.scopes.delete(scope.key);
      this.scopes.set(scope.key, held);
      return held.cached;
    }
    const refusedAt = this.oversized.get(scope.key);
    if (refusedAt !== undefined && Date.now() - refusedAt < OVERSIZED_RETRY_MS) return null;
    const pending = this.loading.get(scope.key);
    if (pending) return pending.done;
    const loading: Loading = { writes: [], done: Promise.resolve(null) };
    loading.done = this.load(scope, loading).finally(() => {
      if (this.loading.get(scope.key) === loading) this.loading.delete(scope.key);
    });
    this.loading.set(scope.key, loading);
    return loading.done;
  }

  /** `lexemes`: each row's lexical column as the insert read it back, when it did (binary-vector-writes.ts). */
  noteInserted(
    ids: readonly string[],
    vectors: readonly ArrayLike<number>[],
    payloads: readonly Payload[],
    lexemes?: readonly (string | null)[],
  ): void {
    ids.forEach((id, i) => {
      const vector = vectors[i];
      const payload = payloads[i];
      if (vector && payload) this.apply({ kind: "upsert", id, vector, payload, lex: lexemes?.[i] });
    });
  }

  noteUpdated(id: string, vector: ArrayLike<number>, payload: Payload, lex?: string | null): void {
    this.apply({ kind: "upsert", id, vector, payload, lex });
  }

  noteDeleted(id: string): void {
    this.apply({ kind: "delete", id });
  }

  /** Forgets every scope (and any load in flight): the next search of each reloads it from the table. */
  clear(): void {
    this.generation++;
    this.scopes.clear();
    this.loading.clear();
    this.oversized.clear();
    this.byAnchor.clear();
    this.unanchored.clear();
    this.holders.clear();
    this.rows = 0;
  }

  private apply(noted: Write): void {
    // The payload as the table hands it back (jsonb: no undefined, no Dates), not the writer's live object.
    const write: Write =
      noted.kind === "upsert" ? { ...noted, payload: JSON.parse(JSON.stringify(noted.payload)) } : noted;
    for (const key of this.scopesConcerned(write)) {
      const held = this.scopes.get(key);
      if (held) this.rows += this.applyTo(held, write);
    }
    for (const loading of this.loading.values()) loading.writes.push(write);
    if (write.kind === "upsert") this.evictBeyond(this.options.maxRows);
  }

  private async load(scope: ScopeConditions, loading: Loading): Promise<CachedScope | null> {
    const { db, table, dimensions, maxRows } = this.options;
    const generation = this.generation;
    const n = scope.params.length + 1;
    const { rows } = await db.query<{ id: string; v: string; lex: string | null; payload: Payload | null }>(
      `SELECT id::text AS id, vector::text AS v, ${LEXICAL_COLUMN}::text AS lex, payload FROM "${table}" ` +
        `WHERE ${scope.sql} AND vector IS NOT NULL LIMIT $${n}`,
      [...scope.params, maxRows + 1],
    );
    if (generation !== this.generation) return null;
    if (rows.length > maxRows) {
      this.oversized.set(scope.key, Date.now());
      return null;
    }
    const cached: CachedScope = {
      matrix: new VectorMatrix(dimensions, rows.length + 16),
      lexicon: new ScopeLexicon(),
      payloads: new Map(),
    };
    for (const r of rows) {
      cached.matrix.upsert(r.id, parseVector(r.v));
      cached.lexicon.put(parseTsvector(r.id, r.lex ?? ""));
      cached.payloads.set(r.id, r.payload ?? {});
    }
    const held = { scope, cached };
    for (const r of rows) this.addHolder(r.id, scope.key);
    for (const write of loading.writes) this.applyTo(held, write);
    this.evictBeyond(maxRows - cached.matrix.size);
    if (this.scopes.size >= MAX_SCOPES) this.evictOldest();
    this.scopes.set(scope.key, held);
    if (scope.anchor === null) this.unanchored.add(scope.key);
    else {
      const keys = this.byAnchor.get(scope.anchor);
      if (keys) keys.add(scope.key);
      else this.byAnchor.set(scope.anchor, new Set([scope.key]));
    }
    this.rows += cached.matrix.size;
    return cached;
  }

  /** Keys of the cached scopes a write can change: those holding its row, and those its payload may join. */
  private scopesConcerned(write: Write): Set<string> {
    const keys = new Set(this.holders.get(write.id));
    if (write.kind !== "upsert") return keys;
    for (const key of this.unanchored) keys.add(key);
    for (const [field, value] of Object.entries(write.payload)) {
      const text = jsonText(value);
      const anchored = text === undefined ? undefined : this.byAnchor.get(anchorText(field, text));
      if (anchored) for (const key of anchored) keys.add(key);
    }
    return keys;
  }

  /** Applies one write to one cached scope; returns the change in its row count. */
  private applyTo(held: { scope: ScopeConditions; cached: CachedScope }, write: Write): number {
    const { matrix, lexicon, payloads } = held.cached;
    const before = matrix.size;
    if (write.kind === "upsert" && held.scope.matches(write.payload)) {
      matrix.upsert(write.id, write.vector);
      // Known with the write: no read at the next search. Unknown: pending until then (scope-lexicon.ts).
      if (typeof write.lex === "string") lexicon.put(parseTsvector(write.id, write.lex));
      else lexicon.noteWritten(write.id);
      payloads.set(write.id, write.payload);
      this.addHolder(write.id, held.scope.key);
    } else if (payloads.has(write.id)) {
      matrix.remove(write.id);
      lexicon.remove(write.id);
      payloads.delete(write.id);
      this.dropHolder(write.id, held.scope.key);
    }
    return matrix.size - before;
  }

  private addHolder(id: string, key: string): void {
    const keys = this.holders.get(id);
    if (!keys) this.holders.set(id, [key]);
    else if (!keys.includes(key)) keys.push(key);
  }

  private dropHolder(id: string, key: string): void {
    const keys = this.holders.get(id);
    if (!keys) return;
    const at = keys.indexOf(key);
    if (at >= 0) keys.splice(at, 1);
    if (keys.length === 0) this.holders.delete(id);
  }

  private evictBeyond(limit: number): void {
    while (this.rows > limit && this.scopes.size > 0) this.evictOldest();
  }

  private evictOldest(): void {
    const oldest = this.scopes.keys().next();
    if (oldest.done) return;
    const held = this.scopes.get(oldest.value);
    this.scopes.delete(oldest.value);
    if (!held) return;
    this.rows -= held.cached.matrix.size;
    for (const id of held.cached.payloads.keys()) this.dropHolder(id, oldest.value);
    if (held.scope.anchor === null) this.unanchored.delete(oldest.value);
    else {
      const keys = this.byAnchor.get(held.scope.anchor);
      keys?.delete(oldest.value);
      if (keys?.size === 0) this.byAnchor.delete(held.scope.anchor);
    }
  }
}

/** pgvector's text form, `[0.1,0.2,...]`. */
function parseVector(text: string): Float64Array {
  const parts = text.slice(1, -1).split(",");
  const out = new Float64Array(parts.length);
  for (let i = 0; i < parts.length; i++) out[i] = Number(parts[i]);
  return out;
}
