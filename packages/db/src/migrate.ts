import { fileURLToPath } from "node:url";
import type { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { Pool } from "pg";

/** The committed drizzle-kit output (SQL files + meta/_journal.json), shipped with the package. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../migrations", import.meta.url));

/**
 * Any fixed 64-bit number works as long as every process uses the same one: it serialises concurrent
 * migrators (e.g. three relays opening one PostgreSQL at once), because drizzle's migrator creates its
 * bookkeeping schema outside its transaction and two of them racing would hit a unique violation.
 */
const MIGRATION_LOCK_KEY = 7_265_001_516_083n;

export async function migratePgliteClient(client: PGlite): Promise<void> {
  await migratePglite(drizzlePglite({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
}

export async function migratePostgresPool(pool: Pool): Promise<void> {
  // One dedicated connection holds the advisory lock and runs the migrations (session-level lock).
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY.toString()]);
    try {
      await migratePg(drizzlePg({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY.toString()]);
    }
  } finally {
    client.release();
  }
}
