/**
 * Reads mem0ai/oss has no API for (the Python engine's admin dump and entity listing), as SQL on the same
 * `memories` table the pgvector store owns.
 */
import type { Mem0Engine } from "../../engine/mem0-engine.js";

type Payload = Record<string, unknown>;
const INTERNAL = new Set([
  "data",
  "hash",
  "createdAt",
  "updatedAt",
  "user_id",
  "agent_id",
  "run_id",
  "expiration_date",
]);

/** GET /memories without an id: `AdminRow`s, up to `limit`, in storage order (no ORDER BY, as upstream). */
export async function adminDump(engine: Mem0Engine, limit: number): Promise<Record<string, unknown>[]> {
  const { rows } = await engine.db.query<{ id: string; payload: Payload }>(
    "SELECT id, payload FROM memories LIMIT $1",
    [limit],
  );
  return rows.map(({ id, payload }) => ({
    id,
    memory: payload.data ?? null,
    user_id: payload.user_id ?? null,
    agent_id: payload.agent_id ?? null,
    run_id: payload.run_id ?? null,
    hash: payload.hash ?? null,
    expiration_date: payload.expiration_date ?? null,
    metadata: Object.fromEntries(Object.entries(payload).filter(([k]) => !INTERNAL.has(k))),
    created_at: payload.createdAt ?? null,
    updated_at: payload.updatedAt ?? null,
  }));
}

const ENTITY_SQL = ["user", "agent", "run"]
  .map(
    (t) =>
      `SELECT '${t}' AS type, payload->>'${t}_id' AS id, count(*)::int AS total_memories, ` +
      `min(payload->>'createdAt') AS created_at, max(coalesce(payload->>'updatedAt', payload->>'createdAt')) AS updated_at ` +
      `FROM memories WHERE payload->>'${t}_id' IS NOT NULL GROUP BY 2`,
  )
  .join(" UNION ALL ");

/** GET /entities: one row per distinct user/agent/run id with its memory count (all rows, not the first 10k). */
export async function listEntities(engine: Mem0Engine): Promise<Record<string, unknown>[]> {
  const { rows } = await engine.db.query<Record<string, unknown>>(`${ENTITY_SQL} ORDER BY type, id`);
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    total_memories: r.total_memories,
    created_at: r.created_at ?? null,
    updated_at: r.updated_at ?? null,
  }));
}

export async function countMemories(engine: Mem0Engine): Promise<number> {
  const { rows } = await engine.db.query<{ n: number }>("SELECT count(*)::int AS n FROM memories");
  return rows[0]?.n ?? 0;
}
