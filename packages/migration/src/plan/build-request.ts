/**
 * Builds the mem0 add request for one migratable row: the messages (a user/assistant pair for a chat turn),
 * the scope's mem0 ids and the metadata that keeps the row traceable (docs/legacy-store.md §6, "Metadata to
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
  // Flat primitives only: mem0 flattens metadata into the vector payload and filters by equality. Null
  // fields are left out (set() skips them); built in place because this runs for every legacy row.
  const m: Record<string, string | number | boolean> = {
    source: MIGRATION_SOURCE,
    legacy_id: row.id,
    legacy_table: LEGACY_TABLE,
    workspace_id: workspaceId,
    memory_type: row.memoryType,
    owner_resolution: via,
  };
  const set = (key: string, v: string | number | boolean | null | undefined) => {
    if (v !== null && v !== undefined) m[key] = v;
  };
  set("memory_level", row.memoryLevel);
  set("importance", row.importance);
  set("access_count", row.accessCount);
  set("legacy_agent_id", row.agentId);
  set("legacy_created_at", naiveToUtcIso(row.createdAt));
  set("legacy_last_access", naiveToUtcIso(row.lastAccess));
  if (content.kind === "conversation") set("chat_id", content.chatId);
  if (content.kind === "workflow") {
    set("task_id", content.taskId);
    set("legacy_workflow_id", content.workflowId);
    set("legacy_subtask_id", content.subtaskId);
    set("success", content.success);
  }
  if (content.kind === "agent-execution") set("success", content.success);
  return m;
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
