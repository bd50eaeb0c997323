/**
 * Checkpoints of the backfill stream (table `migration_checkpoint`).
 *
 * Write-ahead for the stream is per page, not per row: before a page's adds go out, the checkpoint's
 * `pending` position is moved to the page's last row ("rows up to here may be in mem0 without a ledger
 * row"); the page's ledger rows and the new position are then committed in one transaction. A run that
 * dies in between leaves `pending` ahead of the position, and the next run looks every unledgered row up
 * to `pending` up in mem0 by legacy_id before sending it. One single-row update per page instead of an
 * `in_flight` row per legacy row halves the ledger's write volume.
 *
 * The pending mark is stored as a second checkpoint row named `<stream>#pending` (a keyset position, like
 * every checkpoint row), deleted once the stream's position has caught up with it.
 */
import { type Db, schema } from "@automatos/db";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { KeysetPosition } from "../legacy/legacy-row.js";
import { type LedgerWrite, upsertLedger } from "./ledger-store.js";

const cp = schema.migrationCheckpoint;

export interface Checkpoint {
  name: string;
  position: KeysetPosition | null;
  /** Rows after `position` up to here may have reached mem0 without a ledger row. */
  pending: KeysetPosition | null;
  rowsRead: number;
  finishedAt: Date | null;
  updatedAt: Date;
}

type Row = typeof cp.$inferSelect;
const PENDING = "#pending";
const pendingName = (name: string) => `${name}${PENDING}`;
const positionOf = (row: Row | undefined): KeysetPosition | null =>
  row?.sortTs && row.lastId ? { sortTs: row.sortTs, id: row.lastId } : null;

function toCheckpoints(rows: readonly Row[]): Checkpoint[] {
  const byName = new Map(rows.map((r) => [r.name, r]));
  return rows
    .filter((r) => !r.name.endsWith(PENDING))
    .map((row) => ({
      name: row.name,
      position: positionOf(row),
      pending: positionOf(byName.get(pendingName(row.name))),
      rowsRead: row.rowsRead,
      finishedAt: row.finishedAt,
      updatedAt: row.updatedAt,
    }));
}

export async function readCheckpoint(db: Db, name: string): Promise<Checkpoint | null> {
  const rows = await db
    .select()
    .from(cp)
    .where(inArray(cp.name, [name, pendingName(name)]));
  return toCheckpoints(rows)[0] ?? null;
}

export async function listCheckpoints(db: Db): Promise<Checkpoint[]> {
  return toCheckpoints(await db.select().from(cp).orderBy(cp.name));
}

/** Live runs make sure their checkpoint row exists, so the first page's pending mark has a row to go to. */
export async function ensureCheckpoint(db: Db, name: string): Promise<void> {
  await db.insert(cp).values({ name }).onConflictDoNothing({ target: cp.name });
}

/**
 * `--run` starts from the beginning of the table (the ledger still skips every row already decided). The
 * pending mark survives: rows a dead run may have sent are still looked up before being sent again.
 */
export async function restartCheckpoint(db: Db, name: string): Promise<void> {
  await db
    .insert(cp)
    .values({ name })
    .onConflictDoUpdate({
      target: cp.name,
      set: { sortTs: null, lastId: null, finishedAt: null, updatedAt: sql`now()` },
    });
}

const pos = (p: KeysetPosition) => sql`(${p.sortTs}::timestamp, ${p.id}::uuid)`;
const rowPos = sql`(${cp.sortTs}::timestamp, ${cp.lastId}::uuid)`;

/** Before sending a page: pending = max(pending, the page's last row). */
export async function markPending(db: Db, name: string, last: KeysetPosition): Promise<void> {
  const ahead = sql`${rowPos} > ${pos(last)}`;
  await db
    .insert(cp)
    .values({ name: pendingName(name), sortTs: last.sortTs, lastId: last.id })
    .onConflictDoUpdate({
      target: cp.name,
      set: {
        sortTs: sql`CASE WHEN ${ahead} THEN ${cp.sortTs} ELSE ${last.sortTs} END`,
        lastId: sql`CASE WHEN ${ahead} THEN ${cp.lastId} ELSE ${last.id} END`,
        updatedAt: sql`now()`,
      },
    });
}

/**
 * A finished page: its ledger rows and the new position, atomically (the checkpoint never runs ahead of
 * the ledger). The pending mark goes once the position has caught up with it.
 */
export async function commitPage(
  db: Db,
  writes: readonly LedgerWrite[],
  checkpoint: { name: string; position: KeysetPosition; rowsRead: number } | null,
): Promise<void> {
  await db.transaction(async (tx) => {
    if (writes.length > 0) await upsertLedger(tx, writes);
    if (!checkpoint) return;
    const p = checkpoint.position;
    await tx
      .insert(cp)
      .values({ name: checkpoint.name, sortTs: p.sortTs, lastId: p.id, rowsRead: checkpoint.rowsRead })
      .onConflictDoUpdate({
        target: cp.name,
        set: {
          sortTs: p.sortTs,
          lastId: p.id,
          rowsRead: sql`${cp.rowsRead} + ${checkpoint.rowsRead}`,
          updatedAt: sql`now()`,
        },
      });
    await tx.delete(cp).where(and(eq(cp.name, pendingName(checkpoint.name)), sql`${rowPos} <= ${pos(p)}`));
  });
}

export async function finishCheckpoint(db: Db, name: string): Promise<void> {
  await db.update(cp).set({ finishedAt: sql`now()` }).where(eq(cp.name, name));
}
