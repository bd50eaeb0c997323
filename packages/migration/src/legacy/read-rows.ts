/**
 * Streams `memory_items` in chronological keyset order (COALESCE(created_at, '-infinity'), id), from an
 * optional position, without ever loading the table: one server-side cursor per run, fetched page by page.
 *
 * Why a cursor and not `WHERE (ts, id) > $pos ORDER BY ts, id LIMIT n` per page: the legacy schema has no
 * index on created_at, so every such page would scan and sort the whole table (O(N) per page, O(N^2)
 * per run). The cursor sorts once; the keyset position is still what the checkpoint stores, so a new run
 * resumes with a fresh cursor `WHERE (ts, id) > checkpoint`. Chronological order matters to mem0's
 * extraction (each add sees the scope's earlier memories).
 *
 * The cursor lives in a READ ONLY, REPEATABLE READ transaction: one consistent snapshot for the whole run.
 */
import { and, type SQL, sql } from "drizzle-orm";
import { type LegacyDb, type LegacyDrizzle, legacyRows } from "./connect.js";
import type { KeysetPosition, LegacyRow } from "./legacy-row.js";
import { legacyMemoryItems as mi } from "./schema.js";

const SORT_TS = sql`COALESCE(${mi.createdAt}, '-infinity'::timestamp)`;

export interface ReadOptions {
  after?: KeysetPosition | null;
  /** Only rows at or before this position. */
  atOrBefore?: KeysetPosition | null;
  /** Restrict to these row ids (the retry pass of a resume). */
  ids?: readonly string[];
}

function whereOf(options: ReadOptions): SQL | undefined {
  const conditions: SQL[] = [];
  if (options.after) {
    conditions.push(
      sql`(${SORT_TS}, ${mi.id}) > (${options.after.sortTs}::timestamp, ${options.after.id}::uuid)`,
    );
  }
  if (options.atOrBefore) {
    const p = options.atOrBefore;
    conditions.push(sql`(${SORT_TS}, ${mi.id}) <= (${p.sortTs}::timestamp, ${p.id}::uuid)`);
  }
  if (options.ids) conditions.push(sql`${mi.id} = ANY(${`{${options.ids.join(",")}}`}::uuid[])`);
  return conditions.length === 0 ? undefined : and(...conditions);
}

function selectRows(db: LegacyDrizzle, options: ReadOptions): SQL {
  // Timestamps as text: naive values must not pick up the driver's local time zone. No embedding column.
  const query = db
    .select({
      id: mi.id,
      agentId: mi.agentId,
      workspaceId: mi.workspaceId,
      content: mi.content,
      memoryType: mi.memoryType,
      memoryLevel: mi.memoryLevel,
      importance: mi.importance,
      accessCount: mi.accessCount,
      lastAccess: sql<string | null>`${mi.lastAccess}::text`.as("last_access_text"),
      createdAt: sql<string | null>`${mi.createdAt}::text`.as("created_at_text"),
      sortTs: sql<string>`${SORT_TS}::text`.as("sort_ts"),
    })
    .from(mi)
    .where(whereOf(options))
    .orderBy(SORT_TS, mi.id);
  return query.getSQL();
}

interface RawRow {
  id: string;
  agent_id: number | null;
  workspace_id: string | null;
  content: string;
  memory_type: string;
  memory_level: string | null;
  importance: number | null;
  access_count: number | null;
  last_access_text: string | null;
  created_at_text: string | null;
  sort_ts: string;
}

const toRow = (r: RawRow): LegacyRow => ({
  id: r.id,
  agentId: r.agent_id,
  workspaceId: r.workspace_id,
  content: r.content,
  memoryType: r.memory_type,
  memoryLevel: r.memory_level,
  importance: r.importance,
  accessCount: r.access_count,
  lastAccess: r.last_access_text,
  createdAt: r.created_at_text,
  sortTs: r.sort_ts,
});

/** The session a reader works in: the snapshot transaction. Owner look-ups run in it too. */
export type LegacySession = LegacyDrizzle;

/**
 * Opens the snapshot and hands `fn` a page iterator and the session (look-ups must use the same session:
 * PGlite, and PGlite behind pglite-socket, serve one transaction at a time).
 */
export async function withLegacyCursor<T>(
  legacy: LegacyDb,
  options: ReadOptions & { pageSize: number },
  fn: (pages: AsyncIterable<LegacyRow[]>, session: LegacySession) => Promise<T>,
): Promise<T> {
  return legacy.db.transaction(
    async (tx) => {
      const session = tx as unknown as LegacySession;
      await session.execute(
        sql`DECLARE legacy_memory_rows NO SCROLL CURSOR FOR ${selectRows(session, options)}`,
      );
      const fetchSql = sql.raw(`FETCH ${Math.max(1, Math.floor(options.pageSize))} FROM legacy_memory_rows`);
      async function* pages(): AsyncGenerator<LegacyRow[]> {
        for (;;) {
          const batch = await legacyRows<RawRow>(session, fetchSql);
          if (batch.length === 0) return;
          yield batch.map(toRow);
        }
      }
      const result = await fn(pages(), session);
      await session.execute(sql`CLOSE legacy_memory_rows`);
      return result;
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

/** Rows after `after` (for the progress bar's total), counted inside the caller's session. */
export async function countRows(session: LegacySession, after?: KeysetPosition | null): Promise<number> {
  const rows = await legacyRows<{ n: number | string }>(
    session,
    sql`SELECT count(*)::int AS n FROM ${mi} ${after ? sql`WHERE ${whereOf({ after })}` : sql``}`,
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * Rows by id in keyset order, without a cursor (the retry pass of a resume: only rows at or before the
 * checkpoint, since the stream after it will meet the others anyway).
 */
export async function readRowsByIds(
  session: LegacySession,
  ids: readonly string[],
  atOrBefore?: KeysetPosition | null,
): Promise<LegacyRow[]> {
  if (ids.length === 0) return [];
  const rows = await legacyRows<RawRow>(session, selectRows(session, { ids, atOrBefore }));
  return rows.map(toRow);
}
