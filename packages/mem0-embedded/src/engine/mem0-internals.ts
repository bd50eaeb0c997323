/**
 * The few private fields of mem0ai/oss 3.3.1's `Memory` this package must touch, in one place, checked
 * against dist/oss/index.mjs of the pinned version:
 *  - `vectorStore.client` / `_entityStore.client`: the `pg.Client`s of the pgvector stores. `Memory` has no
 *    close(), and an open client keeps the process alive; stopping the socket server under it crashes it.
 *  - `db`: the SQLite history manager (`SQLiteManager.close()` closes better-sqlite3; `db.db` is the
 *    better-sqlite3 `Database` itself, opened with SQLite's defaults: rollback journal, fsync per insert).
 *  - `embedder`: mem0's embedder, rebuilt by `reset()`; its `embed(text, action)` is told what the
 *    embedding is for ("search", "add", "update"), which its langchain adapter drops (mem0-engine.ts).
 *  - `getEntityStore()`: creates the `<collection>_entities` table eagerly so its indexes can be made.
 *  - `createMemory(text, embeddings, metadata)`: builds a memory payload exactly as `add(infer:false)` does;
 *    the benchmark loader uses it to produce rows for bulk SQL loading.
 */
import type { Memory } from "mem0ai/oss";

export interface PgClientLike {
  end(): Promise<void>;
  on(event: "error", listener: (err: Error) => void): unknown;
}

interface StoreLike {
  client?: PgClientLike;
}

export interface Mem0Embedder {
  embed(text: string, action?: string): Promise<number[]>;
  embedBatch(texts: string[], action?: string): Promise<number[][]>;
}

export interface Mem0Internals {
  embedder?: Mem0Embedder;
  vectorStore?: StoreLike;
  _entityStore?: StoreLike;
  db?: { close?: () => void; db?: { pragma(source: string): unknown } };
  getEntityStore(): Promise<StoreLike>;
}

export function internals(memory: Memory): Mem0Internals {
  return memory as unknown as Mem0Internals;
}

/** Ends mem0's pg clients (idempotent) so the socket server can stop under no open connection. */
export async function endPgClients(stores: (StoreLike | undefined)[]): Promise<void> {
  for (const store of stores) {
    const client = store?.client;
    if (!client) continue;
    store.client = undefined;
    try {
      await client.end();
    } catch {
      // already closed
    }
  }
}
