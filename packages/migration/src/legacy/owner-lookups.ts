/**
 * Batched identity look-ups for one page of rows: one query per table instead of one per row. Workspaces,
 * agents and workflows are few and reused across pages, so they are cached (bounded); chats are many and
 * looked up per page.
 */
import { and, inArray, isNotNull, sql } from "drizzle-orm";
import { textArray } from "../ledger/ledger-store.js";
import type { ParsedContent } from "../plan/parse-content.js";
import { chatIdOf, isUuid } from "../plan/resolve-owner.js";
import type { LegacyRow, OwnerLookups } from "./legacy-row.js";
import type { LegacySession } from "./read-rows.js";
import { legacyAgents, legacyChats, legacyMessages, legacyWorkflows, legacyWorkspaces } from "./schema.js";

const CACHE_LIMIT = 50_000;

/** A Map that forgets its oldest entries past a size limit: bounded memory on a million-row run. */
class BoundedCache<K, V> extends Map<K, V> {
  override set(key: K, value: V): this {
    if (this.size >= CACHE_LIMIT && !this.has(key)) {
      const oldest = this.keys().next();
      if (!oldest.done) this.delete(oldest.value);
    }
    return super.set(key, value);
  }
}

export class OwnerLookupCache {
  private readonly workspaces = new BoundedCache<string, number | null>();
  private readonly agents = new BoundedCache<number, { workspaceId: string | null }>();
  private readonly workflows = new BoundedCache<string, { workspaceId: string | null }>();
  /** Ids known to be absent, so a missing workspace is not queried again on every page. */
  private readonly missing = new BoundedCache<string, true>();

  async forPage(
    session: LegacySession,
    page: readonly { row: LegacyRow; content: ParsedContent }[],
  ): Promise<OwnerLookups> {
    const chatIds = new Set<string>();
    const agentIds = new Set<number>();
    const workflowIds = new Set<string>();
    const workspaceIds = new Set<string>();
    for (const { row, content } of page) {
      const chatId = chatIdOf(content);
      if (chatId) chatIds.add(chatId);
      if (row.agentId !== null) agentIds.add(row.agentId);
      if (content.kind === "workflow" && content.workflowId && /^\d{1,9}$/.test(content.workflowId)) {
        workflowIds.add(content.workflowId);
      }
      if (isUuid(row.workspaceId)) workspaceIds.add(row.workspaceId.toLowerCase());
    }

    const chats = new Map<string, { userId: number; workspaceId: string | null }>();
    if (chatIds.size > 0) {
      const found = await session
        .select({ id: legacyChats.id, userId: legacyChats.userId, workspaceId: legacyChats.workspaceId })
        .from(legacyChats)
        // One array parameter, not one bind parameter per chat.
        .where(sql`${legacyChats.id} = ANY(${textArray([...chatIds])}::uuid[])`);
      for (const c of found) chats.set(c.id.toLowerCase(), { userId: c.userId, workspaceId: c.workspaceId });
    }
    // messages.workspace_id is only consulted for chats that carry no workspace themselves.
    const messageWorkspaces = new Map<string, string>();
    const bare = [...chats].filter(([, c]) => c.workspaceId === null).map(([id]) => id);
    if (bare.length > 0) {
      const found = await session
        .selectDistinctOn([legacyMessages.chatId], {
          chatId: legacyMessages.chatId,
          workspaceId: legacyMessages.workspaceId,
        })
        .from(legacyMessages)
        .where(
          and(
            sql`${legacyMessages.chatId} = ANY(${textArray(bare)}::uuid[])`,
            isNotNull(legacyMessages.workspaceId),
          ),
        )
        .orderBy(legacyMessages.chatId, legacyMessages.createdAt);
      for (const m of found)
        if (m.chatId && m.workspaceId) messageWorkspaces.set(m.chatId.toLowerCase(), m.workspaceId);
    }

    await this.fillAgents(session, agentIds);
    await this.fillWorkflows(session, workflowIds);
    for (const id of agentIds) {
      const ws = this.agents.get(id)?.workspaceId;
      if (isUuid(ws)) workspaceIds.add(ws.toLowerCase());
    }
    await this.fillWorkspaces(session, workspaceIds);

    return {
      chats,
      messageWorkspaces,
      workspaceOwners: this.workspaces,
      agents: this.agents,
      workflows: this.workflows,
    };
  }

  private async fillAgents(session: LegacySession, ids: Set<number>): Promise<void> {
    const todo = [...ids].filter((id) => !this.agents.has(id) && !this.missing.has(`a${id}`));
    if (todo.length === 0) return;
    const found = await session
      .select({ id: legacyAgents.id, workspaceId: legacyAgents.workspaceId })
      .from(legacyAgents)
      .where(inArray(legacyAgents.id, todo));
    for (const a of found) this.agents.set(a.id, { workspaceId: a.workspaceId });
    for (const id of todo) if (!this.agents.has(id)) this.missing.set(`a${id}`, true);
  }

  private async fillWorkflows(session: LegacySession, ids: Set<string>): Promise<void> {
    const todo = [...ids].filter((id) => !this.workflows.has(id) && !this.missing.has(`f${id}`));
    if (todo.length === 0) return;
    const found = await session
      .select({ id: legacyWorkflows.id, workspaceId: legacyWorkflows.workspaceId })
      .from(legacyWorkflows)
      .where(inArray(legacyWorkflows.id, todo.map(Number)));
    for (const w of found) this.workflows.set(String(w.id), { workspaceId: w.workspaceId });
    for (const id of todo) if (!this.workflows.has(id)) this.missing.set(`f${id}`, true);
  }

  private async fillWorkspaces(session: LegacySession, ids: Set<string>): Promise<void> {
    const todo = [...ids].filter((id) => !this.workspaces.has(id) && !this.missing.has(`w${id}`));
    if (todo.length === 0) return;
    const found = await session
      .select({ id: legacyWorkspaces.id, ownerId: legacyWorkspaces.ownerId })
      .from(legacyWorkspaces)
      .where(inArray(legacyWorkspaces.id, todo));
    for (const w of found) this.workspaces.set(w.id.toLowerCase(), w.ownerId);
    for (const id of todo) if (!this.workspaces.has(id)) this.missing.set(`w${id}`, true);
  }
}
