/**
 * Owner resolution (docs/legacy-store.md §6). `memory_items` has no user column, so:
 *
 * - chat rows: the chat (content.chat_id) gives the user; the workspace is
 *   COALESCE(chats.workspace_id, memory_items.workspace_id, messages.workspace_id);
 * - a chat that no longer exists (deleted chats leave their memories behind): the workspace owner of
 *   memory_items.workspace_id;
 * - workflow rows: the executing agent (memory_items.agent_id) in the workflow's workspace, else the agent's,
 *   else the row's;
 * - other agent rows (agent-factory hook, LearningEngine): the agent in its workspace;
 * - anything else is quarantined with the reason.
 */
import { parseRawId, type Scope } from "@automatos/memory-policy";
import type { LegacyRow, OwnerLookups } from "../legacy/legacy-row.js";
import type { ParsedContent } from "./parse-content.js";

export type QuarantineReason =
  | "invalid_json"
  | "unknown_shape"
  | "chat_not_found"
  | "no_workspace"
  | "no_owner"
  | "no_agent"
  | "invalid_id";

export type OwnerVia = "chat" | "workspace_owner" | "dual_write_user" | "workflow" | "agent";

export type Resolution =
  | { ok: true; scope: Scope; workspaceId: string; via: OwnerVia; userId?: string }
  | { ok: false; reason: QuarantineReason; workspaceId: string | null };

export interface ResolveOptions {
  /** Workflow rows go to the agent scope (default) or to a run scope `workflow-<wid>`. */
  workflowScope: "agent" | "run";
  /** Rows with no workspace at all go here (e.g. the system default workspace) instead of quarantine. */
  defaultWorkspaceId?: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string | null | undefined): s is string => typeof s === "string" && UUID.test(s);

/** Chat ids worth looking up: only UUIDs can match chats.id (a uuid column). */
export function chatIdOf(content: ParsedContent): string | null {
  return content.kind === "conversation" && isUuid(content.chatId) ? content.chatId.toLowerCase() : null;
}

type Ids = { workspaceId: string; userId?: string; agentId?: string; runId?: string };

function checked(kind: Scope["kind"], ids: Ids, via: OwnerVia): Resolution {
  const w = parseRawId("workspaceId", ids.workspaceId);
  if (!w.ok) return { ok: false, reason: "invalid_id", workspaceId: null };
  const id = (field: "userId" | "agentId" | "runId") => parseRawId(field, ids[field]);
  switch (kind) {
    case "user": {
      const u = id("userId");
      return u.ok
        ? {
            ok: true,
            via,
            workspaceId: w.value,
            userId: u.value,
            scope: { kind, workspaceId: w.value, userId: u.value },
          }
        : { ok: false, reason: "invalid_id", workspaceId: w.value };
    }
    case "agent": {
      const a = id("agentId");
      return a.ok
        ? { ok: true, via, workspaceId: w.value, scope: { kind, workspaceId: w.value, agentId: a.value } }
        : { ok: false, reason: "invalid_id", workspaceId: w.value };
    }
    default: {
      const r = id("runId");
      return r.ok
        ? {
            ok: true,
            via,
            workspaceId: w.value,
            scope: { kind: "run", workspaceId: w.value, runId: r.value },
          }
        : { ok: false, reason: "invalid_id", workspaceId: w.value };
    }
  }
}

const lower = (s: string | null | undefined): string | null => (s ? s.toLowerCase() : null);

export function resolveOwner(
  row: LegacyRow,
  content: ParsedContent,
  lookups: OwnerLookups,
  options: ResolveOptions,
): Resolution {
  const rowWs = lower(row.workspaceId);
  const fallbackWs = lower(options.defaultWorkspaceId);
  switch (content.kind) {
    case "conversation":
      return resolveChat(content, lookups, rowWs, fallbackWs);
    case "workflow": {
      if (row.agentId === null) {
        const wf = content.workflowId === null ? undefined : lookups.workflows.get(content.workflowId);
        return { ok: false, reason: "no_agent", workspaceId: lower(wf?.workspaceId) ?? rowWs };
      }
      const wf = content.workflowId === null ? undefined : lookups.workflows.get(content.workflowId);
      const ws =
        lower(wf?.workspaceId) ?? lower(lookups.agents.get(row.agentId)?.workspaceId) ?? rowWs ?? fallbackWs;
      if (ws === null) return { ok: false, reason: "no_workspace", workspaceId: null };
      return options.workflowScope === "run" && content.workflowId !== null
        ? checked("run", { workspaceId: ws, runId: `workflow-${content.workflowId}` }, "workflow")
        : checked("agent", { workspaceId: ws, agentId: String(row.agentId) }, "workflow");
    }
    case "agent-execution":
    case "learning": {
      if (row.agentId === null) return { ok: false, reason: "no_agent", workspaceId: rowWs };
      const ws = lower(lookups.agents.get(row.agentId)?.workspaceId) ?? rowWs ?? fallbackWs;
      if (ws === null) return { ok: false, reason: "no_workspace", workspaceId: null };
      return checked("agent", { workspaceId: ws, agentId: String(row.agentId) }, "agent");
    }
    case "invalid-json":
      return { ok: false, reason: "invalid_json", workspaceId: rowWs };
    default:
      return { ok: false, reason: "unknown_shape", workspaceId: rowWs };
  }
}

function resolveChat(
  content: Extract<ParsedContent, { kind: "conversation" }>,
  lookups: OwnerLookups,
  rowWs: string | null,
  fallbackWs: string | null,
): Resolution {
  const chatId = chatIdOf(content);
  const chat = chatId === null ? undefined : lookups.chats.get(chatId);
  if (chat !== undefined) {
    const ws =
      lower(chat.workspaceId) ??
      rowWs ??
      lower(lookups.messageWorkspaces.get(chatId as string)) ??
      fallbackWs;
    if (ws === null) return { ok: false, reason: "no_workspace", workspaceId: null };
    return checked("user", { workspaceId: ws, userId: String(chat.userId) }, "chat");
  }
  // Rows written by writeLegacyRow (dual mode) name their user; honour it before falling back to the owner.
  const ws = rowWs ?? fallbackWs;
  if (ws !== null && content.userId !== null) {
    return checked("user", { workspaceId: ws, userId: content.userId }, "dual_write_user");
  }
  if (ws === null) return { ok: false, reason: "chat_not_found", workspaceId: null };
  const owner = lookups.workspaceOwners.get(ws);
  if (owner === undefined || owner === null) return { ok: false, reason: "no_owner", workspaceId: ws };
  return checked("user", { workspaceId: ws, userId: String(owner) }, "workspace_owner");
}
