/**
 * The per-workspace cutover switch (`workspace_memory_mode` in @automatos/db): `legacy` | `dual` | `mem0`.
 * The memory service reads it (getWorkspaceMode) to decide where remembers go; operators set it through
 * `pnpm migrate:legacy --set-mode`.
 *
 * The safe path is legacy -> dual -> (migrate, verify) -> mem0. Switching to `mem0` is refused unless the
 * workspace is in `dual` and its latest verification passed AFTER it entered `dual`: rows written to the
 * legacy store before the switch to dual were then seen by the migration and checked, and every row since
 * has gone to both stores. Rolling back (to dual or legacy) is always allowed.
 */
import { type Db, MEMORY_MODES, type MemoryMode, schema } from "@automatos/db";
import { parseRawId } from "@automatos/memory-policy";
import { eq } from "drizzle-orm";

const modes = schema.workspaceMemoryMode;
const verifications = schema.migrationVerification;

export class CutoverRefusedError extends Error {
  override readonly name = "CutoverRefusedError";
}

function workspaceKey(workspaceId: string): string {
  const parsed = parseRawId("workspaceId", workspaceId);
  if (!parsed.ok) throw new TypeError(parsed.error.message);
  return parsed.value;
}

/** A workspace without a row is in `legacy` mode (the safe default before migration). */
export async function getWorkspaceMode(db: Db, workspaceId: string): Promise<MemoryMode> {
  const [row] = await db
    .select({ mode: modes.mode })
    .from(modes)
    .where(eq(modes.workspaceId, workspaceKey(workspaceId)));
  return row?.mode ?? "legacy";
}

export interface SetModeResult {
  workspaceId: string;
  previous: MemoryMode;
  mode: MemoryMode;
}

export async function setWorkspaceMode(
  db: Db,
  workspaceId: string,
  mode: MemoryMode,
  options: { updatedBy: string },
): Promise<SetModeResult> {
  if (!MEMORY_MODES.includes(mode)) {
    throw new TypeError(`mode must be one of ${MEMORY_MODES.join(", ")}`);
  }
  const ws = workspaceKey(workspaceId);
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(modes).where(eq(modes.workspaceId, ws));
    const previous = current?.mode ?? "legacy";
    if (mode === "mem0" && previous !== "mem0") {
      if (previous !== "dual" || !current) {
        throw new CutoverRefusedError(
          `workspace ${ws} is in ${previous} mode: switch it to dual, migrate and verify before mem0`,
        );
      }
      const [verdict] = await tx.select().from(verifications).where(eq(verifications.workspaceId, ws));
      if (!verdict?.passed) {
        throw new CutoverRefusedError(`workspace ${ws} has no passing verification: run --verify first`);
      }
      if (verdict.verifiedAt <= current.updatedAt) {
        throw new CutoverRefusedError(
          `workspace ${ws} was verified before it entered dual mode: run --verify again`,
        );
      }
    }
    await tx
      .insert(modes)
      .values({ workspaceId: ws, mode, updatedBy: options.updatedBy })
      .onConflictDoUpdate({ target: modes.workspaceId, set: { mode, updatedBy: options.updatedBy } });
    return { workspaceId: ws, previous, mode };
  });
}
