import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LocalEmbedder as Embedder } from "@automatos/mem0-embedded/embedder";
import type { Memory } from "mem0ai/oss";
import { prepareMem0Env } from "../env.js";
import { startPgliteHost } from "./pglite-host.js";

/**
 * Where mem0 keeps the vectors:
 * - "memory": mem0's SQLite brute-force store; its keywordSearch is an inline BM25 (k1 1.5) over the lemmatised
 *   text, so mem0's fusion really mixes cosine and BM25. One Memory per user (same results as one shared store,
 *   because both scores are computed over the user-filtered rows only; much faster).
 * - "pgvector": the production store (packages/mem0-embedded) on PGlite: HNSW cosine search and a keywordSearch
 *   that is ts_rank_cd(...) @@ plainto_tsquery (ALL query terms must match, scores << the sigmoid midpoint),
 *   so the fused ranking is almost purely the embedder's.
 */
export type StoreKind = "memory" | "pgvector";

export interface Mem0Stores {
  /** The Memory instance holding `userId`'s memories. */
  forUser(userId: string): Memory;
  close(): Promise<void>;
}

const noLlm = {
  invoke: async () => Promise.reject(new Error("LLM disabled: memories are added with infer:false")),
};

export async function openMem0Stores(
  kind: StoreKind,
  userIds: string[],
  embedder: Embedder,
): Promise<Mem0Stores> {
  const dir = mkdtempSync(join(tmpdir(), "relevance-mem0-"));
  prepareMem0Env(join(dir, "mem0-config"));
  const { Memory } = await import("mem0ai/oss");
  const base = {
    embedder: { provider: "langchain", config: { model: embedder, embeddingDims: embedder.dimensions } },
    llm: { provider: "langchain", config: { model: noLlm } },
    disableHistory: true,
  };
  if (kind === "memory") {
    const byUser = new Map<string, Memory>();
    for (const userId of userIds) {
      // ":memory:" SQLite: a file-backed store fsyncs every insert (~20 ms per add, 65 s for the set).
      const vectorStore = {
        provider: "memory",
        config: { dimension: embedder.dimensions, dbPath: ":memory:" },
      };
      byUser.set(userId, new Memory({ ...base, vectorStore } as never));
    }
    return {
      forUser: (userId) => lookup(byUser, userId),
      close: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const host = await startPgliteHost();
  const vectorStore = {
    provider: "pgvector",
    config: {
      connectionString: host.connectionString,
      collectionName: "memories",
      dimension: embedder.dimensions,
      embeddingModelDims: embedder.dimensions,
      hnsw: true,
    },
  };
  const memory = new Memory({ ...base, vectorStore } as never);
  return {
    forUser: () => memory,
    close: async () => {
      // Memory has no close(): end its pg clients first, or stopping the socket server crashes them.
      const internals = memory as unknown as { vectorStore?: PgHolder; _entityStore?: PgHolder };
      for (const store of [internals.vectorStore, internals._entityStore])
        await store?.client?.end().catch(() => {});
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

type PgHolder = { client?: { end(): Promise<void> } };

function lookup(byUser: Map<string, Memory>, userId: string): Memory {
  const memory = byUser.get(userId);
  if (!memory) throw new Error(`userId: no store for ${userId}`);
  return memory;
}
