import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { Pool } from "undici";
import { dataDirLayout } from "../src/data-dir.js";
import { createDefaultEmbedder } from "../src/embedder/default-embedder.js";
import { DEFAULT_EMBEDDER_ID, MINILM_DIMENSIONS } from "../src/embedder/minilm/identity.js";
import { prepareMem0ProcessEnv } from "../src/env.js";
import { startInProcess } from "../src/start-in-process.js";
import { buildSearchIndexes, dropSearchIndexes, insertRows, type LoadRow } from "./bulk-load.js";

/** What the loaders embed with: the engine's default (datasets are keyed by it). */
export const embedder = { id: DEFAULT_EMBEDDER_ID, dimensions: MINILM_DIMENSIONS } as const;

export function freshDataDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** First start creates mem0's tables, the API key and embedder.json exactly as a real start does. */
export async function initialiseDataDir(dir: string): Promise<void> {
  const s = await startInProcess({ dataDir: dir });
  await s.close();
}

/** Loads rows straight into the cluster (no server running); returns insert and index build times. */
export async function loadRows(dir: string, rows: LoadRow[]): Promise<{ insertMs: number; indexMs: number }> {
  const layout = dataDirLayout(dir);
  prepareMem0ProcessEnv(layout.mem0ConfigDir);
  const db = await PGlite.create({ dataDir: layout.pgDir, extensions: { vector } });
  try {
    await dropSearchIndexes(db);
    const t0 = performance.now();
    const model = await createDefaultEmbedder(); // the process's shared session; batches of 32
    await insertRows(db, rows, (texts) => model.embedDocuments(texts));
    const t1 = performance.now();
    await buildSearchIndexes(db);
    return { insertMs: t1 - t0, indexMs: performance.now() - t1 };
  } finally {
    await db.close();
  }
}

/** A search client for the REST contract (what mem0-client does on the wire). */
export function searchClient(url: string, apiKey: string) {
  const pool = new Pool(url, { connections: 8 });
  return {
    async search(query: string, userId: string, topK = 10): Promise<{ id: string; user_id?: string }[]> {
      const res = await pool.request({
        path: "/search",
        method: "POST",
        headers: { "x-api-key": apiKey, "content-type": "application/json" },
        body: JSON.stringify({ query, filters: { user_id: userId }, top_k: topK }),
        headersTimeout: 30_000,
        bodyTimeout: 30_000,
      });
      const text = await res.body.text();
      if (res.statusCode !== 200) throw new Error(`search answered ${res.statusCode}: ${text.slice(0, 200)}`);
      return (JSON.parse(text) as { results: { id: string; user_id?: string }[] }).results;
    },
    close: () => pool.close(),
  };
}
