/**
 * Shadow comparison for one sample query: the legacy side's top-k (Postgres full-text ranking over the
 * legacy rows migrated into the scope; the legacy pgvector embeddings are NULL, zero or of mixed dimensions,
 * so they cannot rank anything) against mem0's top-k search in the same scope, compared by legacy_id.
 * overlap = |legacy top-k ∩ mem0 top-k| / |legacy top-k|.
 */
import { type Db, schema } from "@automatos/db";
import type { Mem0Ids } from "@automatos/memory-policy";
import { type AnyColumn, and, eq, isNull, sql } from "drizzle-orm";
import { type LegacyDrizzle, legacyRows } from "../legacy/connect.js";
import { legacyMemoryItems as mi } from "../legacy/schema.js";
import type { Mem0Port } from "../mem0/mem0-port.js";
import { LEGACY_TABLE } from "../plan/build-request.js";

const t = schema.migrationLedger;

/** Legacy ids migrated into exactly this scope (from the ledger: the legacy rows have no scope column). */
export async function scopeLegacyIds(db: Db, ids: Mem0Ids): Promise<string[]> {
  const col = (c: AnyColumn, v: string | undefined) => (v ? eq(c, v) : isNull(c));
  const rows = await db
    .select({ id: t.legacyId })
    .from(t)
    .where(
      and(
        eq(t.legacyTable, LEGACY_TABLE),
        eq(t.status, "done"),
        col(t.userId, ids.user_id),
        col(t.agentId, ids.agent_id),
        col(t.runId, ids.run_id),
      ),
    );
  return rows.map((r) => r.id);
}

/** OR-query of the sample's words for to_tsquery (letters and digits only: nothing to inject). */
export function tsQueryOf(query: string): string | null {
  const words = [...new Set(query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])].slice(0, 16);
  return words.length ? words.join(" | ") : null;
}

export async function legacyTopK(
  legacy: LegacyDrizzle,
  scopeIds: readonly string[],
  query: string,
  k: number,
): Promise<string[]> {
  const tsq = tsQueryOf(query);
  if (!tsq || scopeIds.length === 0) return [];
  // MATERIALIZED: the id filter runs before content::json, which only the scope's (valid JSON) rows can take.
  const rows = await legacyRows<{ id: string }>(
    legacy,
    sql`WITH scope_rows AS MATERIALIZED (
          SELECT ${mi.id} AS id, ${mi.content} AS content, ${mi.createdAt} AS created_at FROM ${mi}
          WHERE ${mi.id} = ANY(${`{${scopeIds.join(",")}}`}::uuid[])),
        docs AS (
          SELECT id, created_at, to_tsvector('english', concat_ws(' ',
            content::json->>'user_query', content::json->>'assistant_response', content::json->>'content',
            content::json->>'prompt', content::json->>'result', content::json->>'learned')) AS tsv
          FROM scope_rows)
        SELECT id::text AS id FROM docs, to_tsquery('english', ${tsq}) q
        WHERE tsv @@ q ORDER BY ts_rank_cd(tsv, q) DESC, created_at DESC, id LIMIT ${k}`,
  );
  return rows.map((r) => r.id);
}

export async function mem0TopK(
  mem0: Mem0Port,
  ids: Mem0Ids,
  query: string,
  k: number,
  timeoutMs: number,
): Promise<string[]> {
  // Several memories can share a legacy_id (a user/assistant pair) and non-migrated memories carry none:
  // ask for more and keep the first k distinct legacy ids in rank order.
  const hits = await mem0.search({ query, filters: { ...ids }, topK: k * 4 }, { timeoutMs });
  const out: string[] = [];
  for (const h of hits) {
    const id = h.metadata?.legacy_id;
    if (typeof id === "string" && !out.includes(id)) out.push(id);
    if (out.length === k) break;
  }
  return out;
}

export function overlapOf(legacyTop: readonly string[], mem0Top: readonly string[]): number | null {
  if (legacyTop.length === 0) return null;
  const m = new Set(mem0Top);
  return legacyTop.filter((id) => m.has(id)).length / legacyTop.length;
}
