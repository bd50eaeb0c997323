import type { SQL } from "drizzle-orm";
import type { Db } from "./create-db.js";

/**
 * Runs a hand-written statement and returns its rows. node-postgres and PGlite both answer `{ rows }`, but
 * drizzle's generic PgDatabase type cannot say so. Keep the selected columns to text, integers, floats,
 * uuids and jsonb: drizzle leaves timestamps as driver-specific strings in raw results.
 */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
