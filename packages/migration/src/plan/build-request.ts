/**
 * Builds the mem0 add request for one migratable row: the messages (a user/assistant pair for a chat turn),
 * the scope's mem0 ids and the metadata that keeps the row traceable (legacy-store.md §6, "Metadata to
 * carry"). mem0 drops caller metadata keys named user_id/agent_id/run_id/actor_id, so the legacy agent id
 * travels as `legacy_agent_id`. The legacy embedding is never read: mem0 re-embeds.
 */
import type { AddRequest } from "@automatos/mem0-client";
import type { Mem0Ids } from "@automatos/memory-policy";
import type { LegacyRow } from "../legacy/legacy-row.js";
import type { ParsedContent } from "./parse-content.js";
import type { OwnerVia } from "./resolve-owner.js";
import { naiveToUtcIso } from "./timestamps.js";

export const LEGACY_TABLE = "memory_items";
export const MIGRATION_SOURCE = "legacy_migration";

export type MigratableContent = Exclude<ParsedContent, { kind: "unknown" | "invalid-json" | "pattern" }>;

/** The texts that carry the memory, in message order. Empty strings are dropped. */
export function messagesOf(content: MigratableContent): AddRequest["messages"] {
  if (content.kind === "conversation") {
    return [
      { role: "user", content: content.userQuery },
      { role: "assistant", content: content.assistantResponse },
    ].filter((m) => m.content.trim() !== "");
  }
  // An agent's own record of what it did: mem0 reads it as the assistant's side of the exchange.
  return [{ role: "assistant", content: content.text }];
}

export function metadataOf(
  row: LegacyRow,
  content: MigratableContent,
  workspaceId: string,
  via: OwnerVia,
): Record<string, string | number | boolean> {
  const m: Record<string, string | number | boolean | null | undefined> = {
    source: MIGRATION_SOURCE,
    legacy_id: row.id,
    legacy_table: LEGACY_TABLE,
    workspace_id: workspaceId,
    memory_type: row.memoryType,
    memory_level: row.memoryLevel,
    importance: row.importance,
    access_count: row.accessCount,
    legacy_agent_id: row.agentId,
    legacy_created_at: naiveToUtcIso(row.createdAt),
    legacy_last_access: naiveToUtcIso(row.lastAccess),
    owner_resolution: via,
  };
  if (content.kind === "conversation") m.chat_id = content.chatId;
  if (content.kind === "workflow") {
    m.task_id = content.taskId;
    m.legacy_workflow_id = content.workflowId;
    m.legacy_subtask_id = content.subtaskId;
    m.success = content.success;
  }
  if (content.kind === "agent-execution") m.success = content.success;
  // Flat primitives only: mem0 flattens metadata into the vector payload and filters by equality.
  return Object.fromEntries(Object.entries(m).filter(([, v]) => v !== null && v !== undefined)) as Record<
    string,
    string | number | boolean
  >;
}

export function addRequestOf(
  ids: Mem0Ids,
  messages: AddRequest["messages"],
  metadata: Record<string, unknown>,
  infer: boolean,
): AddRequest {
  return {
    messages,
    ...(ids.user_id ? { userId: ids.user_id } : {}),
    ...(ids.agent_id ? { agentId: ids.agent_id } : {}),
    ...(ids.run_id ? { runId: ids.run_id } : {}),
    metadata,
    infer,
  };
}
