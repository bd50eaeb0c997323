/**
 * Connection to the legacy Postgres (read side). In production a URL (`LEGACY_DATABASE_URL`, read in
 * src/env.ts only); in tests an in-process PGlite seeded by src/testing/seed-legacy.ts.
 */
import type { PGlite } from "@electric-sql/pglite";
import type { SQL } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";

/** The drizzle handle on the legacy database, whichever driver is underneath (also a transaction's). */
export type LegacyDrizzle = PgDatabase<PgQueryResultHKT>;

export interface LegacyDb {
  db: LegacyDrizzle;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

export type LegacyConnection = { url: string } | { pglite: PGlite };

/**
 * Timeouts: connecting 10 s; one statement 10 min. The first FETCH of the migration cursor sorts the whole
 * table (no index on created_at in the legacy schema), which can take minutes on a large table: shorter
 * statement limits would kill a healthy run.
 */
export async function openLegacyDb(conn: LegacyConnection): Promise<LegacyDb> {
  if ("pglite" in conn) {
    const db = drizzlePglite({ client: conn.pglite }) as unknown as LegacyDrizzle;
    // The caller owns the PGlite instance (tests reuse it after the run).
    return { db, kind: "pglite", close: async () => {} };
  }
  const pool = new pg.Pool({
    connectionString: conn.url,
    // One reader session (the cursor) plus one for look-ups outside it, e.g. counts and verification.
    max: 2,
    connectionTimeoutMillis: 10_000,
    statement_timeout: 600_000,
    query_timeout: 610_000,
    idleTimeoutMillis: 30_000,
  });
  pool.on("error", () => {}); // an idle client dropping must not crash the process; the next query reports
  const db = drizzlePg({ client: pool }) as unknown as LegacyDrizzle;
  return { db, kind: "postgres", close: () => pool.end() };
}

/** Rows of a hand-written statement (PGlite and node-postgres both answer `{ rows }`). */
export async function legacyRows<T>(db: LegacyDrizzle, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
