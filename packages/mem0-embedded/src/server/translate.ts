/**
 * mem0ai/oss returns mixed casing (`createdAt` next to `user_id`, the add event under `metadata.event`,
 * camelCase score_details, raw SQLite history rows newest first). The self-hosted server returns the Python
 * engine's snake_case shapes (docs/mem0-contract.md §1.5). This module is that translation, and nothing else.
 */

export interface EngineItem {
  id: string;
  memory: string;
  hash?: string;
  createdAt?: string;
  updatedAt?: string;
  metadata?: Record<string, unknown>;
  user_id?: string;
  agent_id?: string;
  run_id?: string;
  attributedTo?: string;
  score?: number;
  score_details?: Record<string, number>;
}

export type ItemKind = "get" | "list" | "search";

// Keys the Python engine lifts out of the payload to the top level (each only when present).
const PROMOTED_FROM_METADATA = ["actor_id", "role", "expiration_date"] as const;

export function toMemoryItem(item: EngineItem, kind: ItemKind): Record<string, unknown> {
  const metadata: Record<string, unknown> = { ...(item.metadata ?? {}) };
  const promoted: Record<string, unknown> = {};
  if (item.user_id) promoted.user_id = item.user_id;
  if (item.agent_id) promoted.agent_id = item.agent_id;
  if (item.run_id) promoted.run_id = item.run_id;
  for (const key of PROMOTED_FROM_METADATA) {
    if (key in metadata) {
      promoted[key] = metadata[key];
      delete metadata[key];
    }
  }
  if (item.attributedTo) promoted.attributed_to = item.attributedTo;
  const out: Record<string, unknown> = {
    id: item.id,
    memory: item.memory,
    hash: item.hash ?? null,
    metadata: Object.keys(metadata).length > 0 ? metadata : null,
  };
  if (kind === "get") out.score = null;
  if (kind === "search") out.score = item.score ?? 0;
  out.created_at = item.createdAt ?? null;
  out.updated_at = item.updatedAt ?? null;
  Object.assign(out, promoted);
  if (kind === "search" && item.score_details) out.score_details = toSnakeScoreDetails(item.score_details);
  return out;
}

export function toSnakeScoreDetails(d: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(d).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]),
  );
}

export interface EngineHistoryRow {
  id: number | string;
  memory_id: string;
  previous_value: string | null;
  new_value: string | null;
  action: string;
  created_at: string | null;
  updated_at: string | null;
  is_deleted: number | boolean;
}

/**
 * Oldest first (the Python server orders by created_at, then updated_at). `created_at` is the memory's
 * creation time on every row, as in Python; mem0ai/oss leaves it empty on DELETE rows, so it is filled from
 * the memory's other rows.
 */
export function toHistoryRows(rows: EngineHistoryRow[]): Record<string, unknown>[] {
  const sorted = [...rows].sort((a, b) => Number(a.id) - Number(b.id));
  const createdAt = sorted.find((r) => r.created_at)?.created_at ?? null;
  return sorted.map((r) => ({
    id: String(r.id),
    memory_id: r.memory_id,
    old_memory: r.previous_value ?? null,
    new_memory: r.new_value ?? null,
    event: r.action,
    created_at: r.created_at ?? createdAt,
    updated_at: r.updated_at ?? null,
    is_deleted: Boolean(r.is_deleted),
    actor_id: null,
    role: null,
  }));
}
