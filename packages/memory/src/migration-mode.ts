/**
 * Reads a workspace's legacy -> mem0 cutover mode (packages/db `workspace_memory_mode`) for `health`.
 * A workspace without a row is in the default mode, which the caller reports as "legacy".
 */
import { type Database, schema } from "@automatos/db";
import { eq } from "drizzle-orm";
import type { MigrationModeReader } from "./ports.js";

export function migrationModeReader(database: Pick<Database, "db">): MigrationModeReader {
  const table = schema.workspaceMemoryMode;
  return async (workspaceId) => {
    const [row] = await database.db
      .select({ mode: table.mode })
      .from(table)
      .where(eq(table.workspaceId, workspaceId))
      .limit(1);
    return row?.mode ?? null;
  };
}
