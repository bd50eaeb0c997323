import type { Db } from "@automatos/db";
import type { MigrationModeReader } from "@automatos/memory";

/** Reads a workspace's legacy -> mem0 cutover mode for `memory.health` (null: no row, the legacy default). */
export function createMigrationModeReader(db: Db): MigrationModeReader {
  return async (workspaceId) => {
    const row = await db.query.workspaceMemoryMode.findFirst({
      columns: { mode: true },
      where: (t, { eq }) => eq(t.workspaceId, workspaceId),
    });
    return row?.mode ?? null;
  };
}
