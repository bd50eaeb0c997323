/** Wire (snake_case, per dialect) -> the normalised camelCase shapes of types.ts. */
import type { Mem0Entity, Mem0HistoryEntry, Mem0Memory } from "../types.js";
import type { PlatformMemory } from "./platform-schemas.js";
import type { ServerEntity, ServerHistoryRow, ServerMemory } from "./server-schemas.js";

type WireMemory = ServerMemory | PlatformMemory;

export function toMemory(w: WireMemory): Mem0Memory {
  const m: Mem0Memory = {
    id: w.id,
    memory: w.memory,
    hash: w.hash ?? null,
    metadata: w.metadata ?? null,
    userId: w.user_id ?? null,
    agentId: w.agent_id ?? null,
    // The platform's list answers call run_id "session_id".
    runId: w.run_id ?? (w as { session_id?: string | null }).session_id ?? null,
    createdAt: w.created_at ?? null,
    updatedAt: w.updated_at ?? null,
  };
  // `score` is null on GET /memories/{id}; only a real number is a search score.
  if (typeof w.score === "number") m.score = w.score;
  if ("expiration_date" in w) m.expirationDate = w.expiration_date ?? null;
  return m;
}

export function toHistoryEntry(w: ServerHistoryRow): Mem0HistoryEntry {
  return {
    id: w.id,
    memoryId: w.memory_id,
    oldMemory: w.old_memory ?? null,
    newMemory: w.new_memory ?? null,
    event: w.event,
    createdAt: w.created_at ?? null,
    updatedAt: w.updated_at ?? null,
    isDeleted: Boolean(w.is_deleted),
  };
}

export function toEntity(w: ServerEntity & { name?: string }): Mem0Entity {
  return {
    // The platform lists an entity's own id as `name` (its `id` is an internal key).
    id: w.name ?? w.id,
    type: w.type,
    totalMemories: w.total_memories,
    createdAt: w.created_at ?? null,
    updatedAt: w.updated_at ?? null,
  };
}
