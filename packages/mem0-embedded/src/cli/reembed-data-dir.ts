/**
 * Re-embeds every stored vector of a data directory IN PLACE with another embedder (the default one), for
 * directories written by an earlier embedder (local-lexical-v2, local-hash-v1, ...).
 *
 * Safe to kill at any moment and run again:
 *  1. new vectors go to a side table per vector table (`reembed_<table>`), filled in id order in batches,
 *     each batch one committed INSERT: the side table IS the persisted progress, a rerun resumes after its
 *     last id;
 *  2. before the swap, the side table must hold exactly one vector per row of the table (checked, else
 *     nothing is changed);
 *  3. one transaction swaps the vectors in (the column changes dimension) and rebuilds the HNSW index;
 *  4. embedder.json is rewritten last (atomically), so until then a start still refuses the directory.
 * Payloads, ids, history and every other column are untouched.
 */
import { existsSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import {
  acquireLock,
  dataDirLayout,
  type EmbedderIdentity,
  readEmbedderIdentity,
  writeEmbedderIdentity,
} from "../data-dir.js";

/** mem0's vector tables in the embedded engine: the memories and its entity store. */
const VECTOR_TABLES = ["memories", "memories_entities"] as const;
const STATE_TABLE = "reembed_state";

export interface ReembedEmbedder {
  id: string;
  dimensions: number;
  embedDocuments(texts: string[]): Promise<number[][]>;
}

export interface ReembedProgress {
  table: string;
  done: number;
  total: number;
}

export interface ReembedOptions {
  dataDir: string;
  embedder: ReembedEmbedder;
  /** Rows embedded and committed together (default 64). */
  batchSize?: number;
  /** Called after every committed batch (and once at the start with what earlier runs did). */
  onProgress?(progress: ReembedProgress): void;
}

export interface ReembedReport {
  from: EmbedderIdentity | undefined;
  to: EmbedderIdentity;
  /** Rows per table after the swap; empty when nothing had to be done. */
  rows: Record<string, number>;
  /** Rows embedded by THIS run (a resumed run counts only what was left). */
  embeddedNow: number;
  alreadyDone: boolean;
}

export async function reembedDataDir(options: ReembedOptions): Promise<ReembedReport> {
  const { embedder } = options;
  const batchSize = options.batchSize ?? 64;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1024)
    throw new Error(`batchSize must be an integer in 1..1024, got ${batchSize}`);
  const layout = dataDirLayout(options.dataDir);
  if (!existsSync(layout.pgDir))
    throw new Error(`no embedded mem0 data directory at ${layout.root} (no pg/)`);
  const from = readEmbedderIdentity(layout);
  const to: EmbedderIdentity = { name: embedder.id, dimensions: embedder.dimensions };
  const release = acquireLock(layout);
  const db = await PGlite.create({ dataDir: layout.pgDir, extensions: { vector } });
  try {
    await db.exec("CREATE EXTENSION IF NOT EXISTS vector");
    let state = await readState(db);
    if (state && (state.target !== to.name || state.dimensions !== to.dimensions)) {
      await dropSideTables(db); // an interrupted run towards another embedder: start over
      state = undefined;
    }
    const sameEmbedder = from?.name === to.name && from.dimensions === to.dimensions;
    if (!state && sameEmbedder) return { from, to, rows: {}, embeddedNow: 0, alreadyDone: true };

    const tables = await existingTables(db);
    let embeddedNow = 0;
    if (state?.phase !== "swapped") {
      await db.exec(`CREATE TABLE IF NOT EXISTS ${STATE_TABLE} (target text, dimensions int, phase text)`);
      if (!state)
        await db.query(`INSERT INTO ${STATE_TABLE} VALUES ($1, $2, 'embedding')`, [to.name, to.dimensions]);
      for (const table of tables) {
        await db.exec(
          `CREATE TABLE IF NOT EXISTS "${side(table)}" (id uuid PRIMARY KEY, vector vector(${to.dimensions}))`,
        );
        embeddedNow += await fillSideTable(db, table, embedder, batchSize, options.onProgress);
      }
      await swapIn(db, tables, to.dimensions);
    }
    const rows: Record<string, number> = {};
    for (const table of tables) {
      await db.exec(`ANALYZE "${table}"`);
      rows[table] = await count(db, `SELECT count(*) AS n FROM "${table}"`);
    }
    writeEmbedderIdentity(layout, to); // last: until here a start still refuses the directory
    await db.exec(`DROP TABLE IF EXISTS ${STATE_TABLE}`);
    return { from, to, rows, embeddedNow, alreadyDone: false };
  } finally {
    await db.close();
    release();
  }
}

function side(table: string): string {
  return `reembed_${table}`;
}

interface State {
  target: string;
  dimensions: number;
  phase: "embedding" | "swapped";
}

async function readState(db: PGlite): Promise<State | undefined> {
  const exists = await db.query<{ t: string | null }>(`SELECT to_regclass('${STATE_TABLE}')::text AS t`);
  if (!exists.rows[0]?.t) return undefined;
  return (await db.query<State>(`SELECT target, dimensions, phase FROM ${STATE_TABLE} LIMIT 1`)).rows[0];
}

async function existingTables(db: PGlite): Promise<string[]> {
  const found: string[] = [];
  for (const table of VECTOR_TABLES) {
    const r = await db.query<{ t: string | null }>("SELECT to_regclass($1)::text AS t", [`"${table}"`]);
    if (r.rows[0]?.t) found.push(table);
  }
  return found;
}

async function dropSideTables(db: PGlite): Promise<void> {
  for (const table of VECTOR_TABLES) await db.exec(`DROP TABLE IF EXISTS "${side(table)}"`);
  await db.exec(`DROP TABLE IF EXISTS ${STATE_TABLE}`);
}

async function count(db: PGlite, sql: string): Promise<number> {
  return Number((await db.query<{ n: number | string }>(sql)).rows[0]?.n ?? 0);
}

/** Embeds the rows of `table` not yet in its side table, in id order; returns how many it embedded. */
async function fillSideTable(
  db: PGlite,
  table: string,
  embedder: ReembedEmbedder,
  batchSize: number,
  onProgress: ReembedOptions["onProgress"],
): Promise<number> {
  const total = await count(db, `SELECT count(*) AS n FROM "${table}"`);
  let done = await count(db, `SELECT count(*) AS n FROM "${side(table)}"`);
  onProgress?.({ table, done, total });
  let embedded = 0;
  const last = await db.query<{ id: string }>(
    `SELECT id::text AS id FROM "${side(table)}" ORDER BY id DESC LIMIT 1`,
  );
  let after: string | null = last.rows[0]?.id ?? null;
  const insertBatch = async (rows: { id: string; text: string }[]) => {
    const vectors = await embedder.embedDocuments(rows.map((r) => r.text));
    const params: string[] = [];
    const values = rows.map((r, i) => {
      params.push(r.id, `[${(vectors[i] as number[]).join(",")}]`);
      return `($${2 * i + 1}::uuid, $${2 * i + 2}::vector)`;
    });
    await db.query(
      `INSERT INTO "${side(table)}" (id, vector) VALUES ${values.join(",")} ON CONFLICT (id) DO NOTHING`,
      params,
    );
    embedded += rows.length;
    done += rows.length;
    onProgress?.({ table, done, total });
  };
  for (;;) {
    const batch = await db.query<{ id: string; text: string }>(
      `SELECT id::text AS id, coalesce(payload->>'data', '') AS text FROM "${table}" ` +
        "WHERE $1::uuid IS NULL OR id > $1::uuid ORDER BY id LIMIT $2",
      [after, batchSize],
    );
    if (batch.rows.length === 0) break;
    await insertBatch(batch.rows);
    after = batch.rows[batch.rows.length - 1]?.id ?? after;
  }
  // Rows written below the resume point since an interrupted run (a start with the old embedder chosen
  // explicitly) are caught here; rows deleted since then leave the side table.
  for (;;) {
    const missing = await db.query<{ id: string; text: string }>(
      `SELECT t.id::text AS id, coalesce(t.payload->>'data', '') AS text FROM "${table}" t ` +
        `WHERE NOT EXISTS (SELECT 1 FROM "${side(table)}" s WHERE s.id = t.id) ORDER BY t.id LIMIT $1`,
      [batchSize],
    );
    if (missing.rows.length === 0) break;
    await insertBatch(missing.rows);
  }
  await db.exec(
    `DELETE FROM "${side(table)}" s WHERE NOT EXISTS (SELECT 1 FROM "${table}" t WHERE t.id = s.id)`,
  );
  return embedded;
}

/** One transaction: every table gets its new vectors, or none does. */
async function swapIn(db: PGlite, tables: string[], dimensions: number): Promise<void> {
  for (const table of tables) {
    const rows = await count(db, `SELECT count(*) AS n FROM "${table}"`);
    const vectors = await count(db, `SELECT count(*) AS n FROM "${side(table)}"`);
    const unmatched = await count(
      db,
      `SELECT count(*) AS n FROM "${table}" t WHERE NOT EXISTS (SELECT 1 FROM "${side(table)}" s WHERE s.id = t.id)`,
    );
    if (rows !== vectors || unmatched !== 0)
      throw new Error(
        `re-embed check failed for ${table}: ${rows} rows, ${vectors} new vectors, ${unmatched} rows without ` +
          "one; nothing was swapped, run the command again",
      );
  }
  await db.transaction(async (tx) => {
    for (const table of tables) {
      const hnsw = await tx.query<{ name: string; def: string }>(
        "SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE tablename = $1 AND indexdef ILIKE '%USING hnsw%'",
        [table],
      );
      for (const index of hnsw.rows) await tx.exec(`DROP INDEX "${index.name}"`);
      // Through the unsized type, so the new vectors fit before the column takes their dimension.
      await tx.exec(`ALTER TABLE "${table}" ALTER COLUMN vector TYPE vector USING vector::vector`);
      await tx.exec(`UPDATE "${table}" t SET vector = s.vector FROM "${side(table)}" s WHERE t.id = s.id`);
      await tx.exec(`ALTER TABLE "${table}" ALTER COLUMN vector TYPE vector(${dimensions})`);
      for (const index of hnsw.rows) await tx.exec(index.def);
      await tx.exec(`DROP TABLE "${side(table)}"`);
    }
    await tx.exec(`UPDATE ${STATE_TABLE} SET phase = 'swapped'`);
  });
}
