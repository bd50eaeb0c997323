import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { migratePgliteClient, migratePostgresPool } from "./migrate.js";
import * as schema from "./schema/index.js";

export type Schema = typeof schema;
/** The drizzle handle, whichever driver is underneath (also what a transaction callback receives). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DbKind = "pglite" | "postgres";

export interface Database {
  db: Db;
  kind: DbKind;
  /** Whether the pgvector extension is installed (always on PGlite; absent on Debian's PostgreSQL 15). */
  vector: boolean;
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /** PostgreSQL connection string. When set, PostgreSQL through node-postgres; otherwise PGlite. */
  url?: string;
  /** PGlite data directory (default `.data/pg`, relative to the working directory); `memory://` = in memory. */
  dataDir?: string;
  /** node-postgres pool size (default 10). */
  poolMax?: number;
  /** Apply the committed migrations at open (default true). */
  migrate?: boolean;
}

export const DEFAULT_DATA_DIR = ".data/pg";

/** Opens the database and brings its schema up to date. Apps own the returned instance and close it. */
export async function createDb(options: CreateDbOptions = {}): Promise<Database> {
  const opened = options.url
    ? await openPostgres(options.url, options.poolMax ?? 10)
    : await openPglite(options);
  try {
    if (options.migrate !== false) await opened.migrate();
    const found = await opened.db.execute(sql`select 1 from pg_extension where extname = 'vector'`);
    const vectorInstalled = (found as unknown as { rows: unknown[] }).rows.length > 0;
    return { db: opened.db, kind: opened.kind, vector: vectorInstalled, close: opened.close };
  } catch (err) {
    await opened.close().catch(() => {});
    throw err;
  }
}

interface Opened {
  db: Db;
  kind: DbKind;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

async function openPglite(options: CreateDbOptions): Promise<Opened> {
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  const inMemory = dataDir.startsWith("memory://");
  const path = inMemory ? dataDir : resolve(dataDir);
  if (!inMemory) mkdirSync(path, { recursive: true });
  const client = await PGlite.create({ dataDir: path, extensions: { vector } });
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    migrate: () => migratePgliteClient(client),
    close: () => client.close(),
  };
}

async function openPostgres(url: string, poolMax: number): Promise<Opened> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolMax,
    // Every network call has a timeout: connecting, and each statement (server side and client side).
    connectionTimeoutMillis: 10_000,
    statement_timeout: 30_000,
    query_timeout: 35_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its connection (server restart) emits on the pool; without a listener that
  // would crash the process. The next query gets a fresh connection or a clear error.
  pool.on("error", () => {});
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    db,
    kind: "postgres",
    migrate: () => migratePostgresPool(pool),
    close: () => pool.end(),
  };
}
