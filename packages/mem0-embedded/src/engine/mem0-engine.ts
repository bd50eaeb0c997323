/**
 * mem0's own TypeScript engine (`Memory` from mem0ai/oss, pinned 3.3.1) configured for this package:
 * pgvector store on the PGlite host, SQLite history in the data directory, our embedder through mem0's
 * duck-typed "langchain" provider, and the OpenAI-compatible LLM only when one is configured.
 */
import type { PGlite } from "@electric-sql/pglite";
import type { Memory } from "mem0ai/oss";
import type { DataDirLayout } from "../data-dir.js";
import type { TextCacheStats } from "../embedder/text-vector-cache.js";
import { prepareMem0ProcessEnv } from "../env.js";
import type { LlmOptions } from "../options.js";
import { createAnalyzeSchedule } from "./analyze-schedule.js";
import { writeVectorsInBinary } from "./binary-vector-writes.js";
import { answerQueriesDirectly } from "./direct-queries.js";
import { type EmptyEntityStore, shortcutEmptyEntityStore, unusedVector } from "./empty-entity-store.js";
import { isKnownEmptyScope } from "./empty-scope.js";
import { ensureExtraIndexes } from "./extra-indexes.js";
import { useWriteAheadHistoryJournal } from "./history-journal.js";
import { type HybridStore, installHybridSearch, SearchRequests } from "./hybrid-search.js";
import { LEXICAL_COLUMN } from "./lexical-column.js";
import { endPgClients, internals, type Mem0Embedder } from "./mem0-internals.js";
import { CACHED_ROW_HEAP_BYTES, ScopeVectors } from "./scope-vectors.js";
import { noteStoreWrites, type WritableStore } from "./vector-store-writes.js";

export const COLLECTION = "memories";
/** The fewest written rows between two ANALYZEs (analyze-schedule.ts: after that, when the table doubles). */
const ANALYZE_MIN_WRITES = 1_000;

export interface EngineEmbedder {
  id: string;
  dimensions: number;
  embedQuery(text: string): Promise<number[]>;
  embedDocuments(texts: string[]): Promise<number[][]>;
  /**
   * The search path's query embedding, when the embedder batches `embedQuery` (mem0 calls it for every add):
   * a search must not wait behind a batch of writes. Absent: `embedQuery` is used.
   */
  embedForSearch?(text: string): Promise<number[]>;
  /** Hits and misses of its text-vector cache (MiniLM), reported by GET /embedded/info. */
  cacheStats?(): TextCacheStats;
  /** Releases what the embedder holds (MiniLM: its write worker thread); called when the engine stops. */
  close?(): Promise<void>;
}

export interface Mem0Engine {
  memory: Memory;
  /** Direct SQL on the same cluster (entity listing, admin dump, counts): no socket hop. */
  db: PGlite;
  inference: "on" | "off";
  /** Runs a mem0 search as a hybrid search of `query` (hybrid-search.ts); mem0 must be asked for threshold 0. */
  withSearchQuery<T>(query: string, threshold: number, search: () => Promise<T>): Promise<T>;
  /** Drops the cached scope vectors: call after writing mem0's table around mem0's own store. */
  forgetCachedVectors(): void;
  /** True when a search with these filters can only answer nothing (empty-scope.ts); false when not known. */
  isKnownEmptyScope(filters: Record<string, unknown>): Promise<boolean>;
  /** Counts stored memories; refreshes planner statistics when the table has doubled (analyze-schedule.ts). */
  noteWrites(count: number): void;
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function createMem0Engine(args: {
  layout: DataDirLayout;
  db: PGlite;
  connectionString: string;
  embedder: EngineEmbedder;
  llm?: LlmOptions;
  /** Memory for cached scope vectors (scope-vectors.ts); 0 = off. */
  vectorCacheMb: number;
}): Promise<Mem0Engine> {
  const { layout, db, connectionString, embedder, llm, vectorCacheMb } = args;
  // Telemetry is read once at module load: env first, then the dynamic import.
  prepareMem0ProcessEnv(layout.mem0ConfigDir);
  const { Memory } = await import("mem0ai/oss");

  const dims = embedder.dimensions;
  // Rows the vector cache holds: a cached row holds its vector (float32), its lexemes and its payload
  // (scope-vectors.ts). 0 = no cache.
  const cachedRows = Math.floor((vectorCacheMb * 1024 * 1024) / (dims * 4 + CACHED_ROW_HEAP_BYTES));
  let entities: EmptyEntityStore | undefined;
  let vectors: ScopeVectors | undefined;
  const entityTableEmpty = () => entities?.isEmpty() === true;
  const requests = new SearchRequests();
  const memory = new Memory({
    version: "v1.1",
    embedder: {
      provider: "langchain",
      config: { model: embedder, embeddingDims: dims },
    },
    vectorStore: {
      provider: "pgvector",
      // embeddingModelDims is what createCol uses; `dimension` alone yields vector(NaN).
      config: {
        connectionString,
        collectionName: COLLECTION,
        dimension: dims,
        embeddingModelDims: dims,
        // No HNSW index: scoped dense search scans the scope's vectors in JS (scope-vectors.ts), and the
        // index made every insert cost ~6.5 ms instead of ~1 ms (README, "Vectors in JS").
        hnsw: false,
      },
    },
    llm: llm
      ? {
          provider: "openai",
          config: {
            baseURL: llm.baseUrl,
            // The OpenAI SDK refuses an undefined key; a keyless local endpoint ignores this placeholder.
            apiKey: llm.apiKey ?? "no-key",
            model: llm.model,
            timeout: llm.timeoutMs ?? 30_000,
          },
        }
      : { provider: "langchain", config: { model: { invoke: refuseLlmCall } } },
    historyStore: { provider: "sqlite", config: { historyDbPath: layout.historyDb } },
  });

  async function initialise(): Promise<void> {
    // mem0 builds a new embedder on reset(): routed again each time.
    routeSearchEmbeddings(internals(memory).embedder, embedder, requests, entityTableEmpty);
    // A scoped list forces mem0's lazy init (vector store + tables) and surfaces its error if any.
    await memory.getAll({ filters: { user_id: "__embedded_init__" }, topK: 1 });
    await internals(memory).getEntityStore();
    for (const store of [internals(memory).vectorStore, internals(memory)._entityStore]) {
      store?.client?.on("error", (err) => console.error(`[mem0-embedded] pg client error: ${err.message}`));
      answerQueriesDirectly(store?.client, db);
    }
    // Data dirs from before the vectors moved to JS carry mem0's HNSW index: only a cost now.
    await db.exec(`DROP INDEX IF EXISTS "${COLLECTION}_hnsw_idx"`);
    await ensureExtraIndexes(db);
    useWriteAheadHistoryJournal(memory);
    const store = internals(memory).vectorStore;
    if (!store) throw new Error("mem0's vector store did not initialise");
    await writeVectorsInBinary(store as unknown as WritableStore, db, COLLECTION, LEXICAL_COLUMN);
    vectors =
      cachedRows > 0
        ? new ScopeVectors({ db, table: COLLECTION, dimensions: dims, maxRows: cachedRows })
        : undefined;
    if (vectors) noteStoreWrites(store as unknown as WritableStore, vectors);
    installHybridSearch(store as unknown as HybridStore, db, { table: COLLECTION, vectors, requests });
    entities = await shortcutEmptyEntityStore(internals(memory)._entityStore, db, `${COLLECTION}_entities`);
  }
  await initialise();

  // initialise() ends with an ANALYZE (extra-indexes.ts), so pg_class holds the row count it saw.
  const analyzedRows = async () => {
    const { rows } = await db.query<{ n: number }>(
      `SELECT greatest(reltuples, 0)::float8 AS n FROM pg_class WHERE oid = '"${COLLECTION}"'::regclass`,
    );
    return rows[0]?.n ?? 0;
  };
  const analyzeSchedule = createAnalyzeSchedule({
    minWrites: ANALYZE_MIN_WRITES,
    rows: await analyzedRows(),
    // Searches of a table the vector cache can hold need no planner statistics (analyze-schedule.ts).
    quietBelowRows: cachedRows,
    analyze: async () => {
      await db.exec(`ANALYZE "${COLLECTION}"`);
      return analyzedRows();
    },
    onError: (err) => console.error(`[mem0-embedded] ANALYZE failed: ${err.message}`),
  });
  return {
    memory,
    db,
    inference: llm ? "on" : "off",
    withSearchQuery: (query, threshold, search) => requests.run(query, threshold, search),
    forgetCachedVectors() {
      vectors?.clear();
    },
    isKnownEmptyScope: (filters) => isKnownEmptyScope(vectors, filters),
    noteWrites: (count) => analyzeSchedule.noteWrites(count),
    async reset() {
      // reset() drops the tables and builds NEW stores with NEW pg clients; the old ones would leak a
      // socket connection per reset, so end them once the reset is through.
      const before = [internals(memory).vectorStore, internals(memory)._entityStore];
      await memory.reset();
      await endPgClients(before);
      await initialise();
      analyzeSchedule.restart(await analyzedRows());
    },
    async close() {
      await endPgClients([internals(memory).vectorStore, internals(memory)._entityStore]);
      internals(memory).db?.close?.();
    },
  };
}

/**
 * mem0 names what each embedding is for (`embed(text, "search" | "add" | "update")`), but its langchain
 * adapter drops that and calls `embedQuery` for all. Routed here instead, on mem0's own embedder:
 *  - a search's query goes to `embedForSearch` when the embedder has one (an embedder that batches writes:
 *    a search must not wait behind a batch of adds), and its vector is bound to the running search request
 *    (hybrid-search.ts);
 *  - a search's batch is only ever the query's proper nouns, whose vectors go nowhere but the entity store's
 *    search: while that store is empty they get placeholders and no model run (empty-entity-store.ts).
 */
function routeSearchEmbeddings(
  mem0Embedder: Mem0Embedder | undefined,
  embedder: EngineEmbedder,
  requests: SearchRequests,
  entityTableEmpty: () => boolean,
): void {
  if (!mem0Embedder) throw new Error("mem0's embedder did not initialise");
  const embed = mem0Embedder.embed.bind(mem0Embedder);
  const embedBatch = mem0Embedder.embedBatch.bind(mem0Embedder);
  const { embedForSearch } = embedder;
  mem0Embedder.embed = async (text, action) => {
    if (action !== "search") return embed(text, action);
    const vector = embedForSearch ? await embedForSearch.call(embedder, text) : await embed(text, action);
    requests.bindQueryVector(text, vector);
    return vector;
  };
  mem0Embedder.embedBatch = async (texts, action) =>
    action === "search" && entityTableEmpty()
      ? texts.map(() => unusedVector(embedder.dimensions))
      : embedBatch(texts, action);
}

async function refuseLlmCall(): Promise<never> {
  throw new Error("inference is off: no LLM endpoint is configured");
}
