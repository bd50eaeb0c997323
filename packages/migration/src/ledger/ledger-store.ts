/**
 * The migration ledger and checkpoints in @automatos/db (tables `migration_ledger`, `migration_checkpoint`).
 * Every call is batched per page: a million-row run makes a few statements per page, not per row.
 */
import { type Db, schema } from "@automatos/db";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { KeysetPosition } from "../legacy/legacy-row.js";
import { LEGACY_TABLE } from "../plan/build-request.js";

const t = schema.migrationLedger;
const cp = schema.migrationCheckpoint;

export type LedgerStatus = (typeof t.$inferSelect)["status"];
/** Statuses that are never sent again. */
export const FINAL_STATUSES: readonly LedgerStatus[] = ["done", "skipped", "quarantined"];
/** Statuses whose dedupe key still claims its text (the holder may yet be delivered). */
const HOLDING: LedgerStatus[] = ["in_flight", "done", "failed"];

export interface LedgerEntry {
  legacyId: string;
  status: LedgerStatus;
  errorKind: string | null;
  attempts: number;
  mem0MemoryIds: string[] | null;
}

export interface LedgerWrite {
  legacyId: string;
  workspaceId: string | null;
  status: LedgerStatus;
  reason?: string | null;
  userId?: string | null;
  agentId?: string | null;
  runId?: string | null;
  mem0MemoryIds?: string[] | null;
  mem0EventId?: string | null;
  dedupeKey?: string | null;
  duplicateOf?: string | null;
  /** Added to the stored count (1 for a row sent to mem0 in this write). */
  attempts?: number;
  errorKind?: string | null;
  error?: string | null;
}

export async function loadLedger(db: Db, legacyIds: readonly string[]): Promise<Map<string, LedgerEntry>> {
  const out = new Map<string, LedgerEntry>();
  if (legacyIds.length === 0) return out;
  const rows = await db
    .select({
      legacyId: t.legacyId,
      status: t.status,
      errorKind: t.errorKind,
      attempts: t.attempts,
      mem0MemoryIds: t.mem0MemoryIds,
    })
    .from(t)
    .where(and(eq(t.legacyTable, LEGACY_TABLE), inArray(t.legacyId, [...legacyIds])));
  for (const r of rows) out.set(r.legacyId, r);
  return out;
}

/** dedupe key -> legacy id of the row holding it (in flight, done or failed-and-to-be-retried). */
export async function dedupeHolders(db: Db, keys: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (keys.length === 0) return out;
  const rows = await db
    .select({ key: t.dedupeKey, legacyId: t.legacyId })
    .from(t)
    .where(and(inArray(t.dedupeKey, [...new Set(keys)]), inArray(t.status, HOLDING)))
    .orderBy(t.createdAt);
  for (const r of rows) if (r.key && !out.has(r.key)) out.set(r.key, r.legacyId);
  return out;
}

function upsert(db: Db, writes: readonly LedgerWrite[]) {
  const excluded = (col: string) => sql.raw(`excluded.${col}`);
  return db
    .insert(t)
    .values(
      writes.map((w) => ({
        legacyTable: LEGACY_TABLE,
        legacyId: w.legacyId,
        workspaceId: w.workspaceId,
        status: w.status,
        reason: w.reason ?? null,
        userId: w.userId ?? null,
        agentId: w.agentId ?? null,
        runId: w.runId ?? null,
        mem0MemoryIds: w.mem0MemoryIds ?? null,
        mem0EventId: w.mem0EventId ?? null,
        dedupeKey: w.dedupeKey ?? null,
        duplicateOf: w.duplicateOf ?? null,
        attempts: w.attempts ?? 0,
        errorKind: w.errorKind ?? null,
        error: w.error ?? null,
      })),
    )
    .onConflictDoUpdate({
      target: [t.legacyTable, t.legacyId],
      set: {
        workspaceId: excluded("workspace_id"),
        status: excluded("status"),
        reason: excluded("reason"),
        userId: excluded("user_id"),
        agentId: excluded("agent_id"),
        runId: excluded("run_id"),
        mem0MemoryIds: excluded("mem0_memory_ids"),
        mem0EventId: excluded("mem0_event_id"),
        dedupeKey: excluded("dedupe_key"),
        duplicateOf: excluded("duplicate_of"),
        attempts: sql`${t.attempts} + excluded.attempts`,
        errorKind: excluded("error_kind"),
        error: excluded("error"),
        updatedAt: sql`now()`,
      },
    });
}

/** Write-ahead: rows about to be sent are `in_flight` BEFORE the mem0 call (see the ledger's invariants). */
export async function writeLedger(db: Db, writes: readonly LedgerWrite[]): Promise<void> {
  if (writes.length > 0) await upsert(db, writes);
}

/** The page's outcomes and the new checkpoint, atomically: the checkpoint never runs ahead of the ledger. */
export async function commitPage(
  db: Db,
  writes: readonly LedgerWrite[],
  checkpoint: { name: string; position: KeysetPosition; rowsRead: number } | null,
): Promise<void> {
  await db.transaction(async (tx) => {
    if (writes.length > 0) await upsert(tx, writes);
    if (checkpoint) {
      await tx
        .insert(cp)
        .values({
          name: checkpoint.name,
          sortTs: checkpoint.position.sortTs,
          lastId: checkpoint.position.id,
          rowsRead: checkpoint.rowsRead,
        })
        .onConflictDoUpdate({
          target: cp.name,
          set: {
            sortTs: checkpoint.position.sortTs,
            lastId: checkpoint.position.id,
            rowsRead: sql`${cp.rowsRead} + ${checkpoint.rowsRead}`,
            updatedAt: sql`now()`,
          },
        });
    }
  });
}

export interface Checkpoint {
  name: string;
  position: KeysetPosition | null;
  rowsRead: number;
  finishedAt: Date | null;
  updatedAt: Date;
}

export async function readCheckpoint(db: Db, name: string): Promise<Checkpoint | null> {
  const [row] = await db.select().from(cp).where(eq(cp.name, name));
  if (!row) return null;
  return {
    name: row.name,
    position: row.sortTs && row.lastId ? { sortTs: row.sortTs, id: row.lastId } : null,
    rowsRead: row.rowsRead,
    finishedAt: row.finishedAt,
    updatedAt: row.updatedAt,
  };
}

/** `--run` starts from the beginning of the table (the ledger still skips every row already decided). */
export async function restartCheckpoint(db: Db, name: string): Promise<void> {
  await db
    .insert(cp)
    .values({ name, sortTs: null, lastId: null })
    .onConflictDoUpdate({
      target: cp.name,
      set: { sortTs: null, lastId: null, finishedAt: null, updatedAt: sql`now()` },
    });
}

export async function finishCheckpoint(db: Db, name: string): Promise<void> {
  await db
    .update(cp)
    .set({ finishedAt: sql`now()` })
    .where(and(eq(cp.name, name), isNull(cp.finishedAt)));
}

export async function listCheckpoints(db: Db): Promise<Checkpoint[]> {
  const rows = await db.select().from(cp).orderBy(cp.name);
  return rows.map((row) => ({
    name: row.name,
    position: row.sortTs && row.lastId ? { sortTs: row.sortTs, id: row.lastId } : null,
    rowsRead: row.rowsRead,
    finishedAt: row.finishedAt,
    updatedAt: row.updatedAt,
  }));
}

/**
 * Legacy ids to retry on resume (failed, or in flight when a run died), in pages by legacy id. Rows whose
 * workspace is unknown are never retryable: only rows with a resolved scope are sent.
 */
export async function* retryableIds(
  db: Db,
  options: { workspaceId?: string | null; pageSize: number },
): AsyncGenerator<string[]> {
  let after = "";
  for (;;) {
    const rows = await db
      .select({ legacyId: t.legacyId })
      .from(t)
      .where(
        and(
          eq(t.legacyTable, LEGACY_TABLE),
          inArray(t.status, ["failed", "in_flight"]),
          sql`${t.legacyId} > ${after}`,
          options.workspaceId ? eq(t.workspaceId, options.workspaceId) : undefined,
        ),
      )
      .orderBy(t.legacyId)
      .limit(options.pageSize);
    if (rows.length === 0) return;
    yield rows.map((r) => r.legacyId);
    after = rows[rows.length - 1]?.legacyId ?? after;
  }
}
