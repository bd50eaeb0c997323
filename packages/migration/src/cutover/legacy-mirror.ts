/**
 * The legacy store's side of the cutover: implements @automatos/memory's `LegacyMirror` port (structurally;
 * this package does not import the memory service) over the legacy connection. The memory service's relay
 * calls `write` for each mirror job (`legacy` and `dual` modes, see the memory README "Cutover modes").
 *
 * Rows look like the legacy writers' own (docs/legacy-store.md §3.3): chat turns as `conversation` content,
 * agent memories as `{content}` rows with `agent_id`. `source` says who wrote them: `dual_write` rows are
 * already in mem0 (the backfill skips them), `memory_service` rows were written in `legacy` mode and are
 * migrated by the next backfill pass. `user_id` lets that pass resolve the owner without a chat.
 */
import { sql } from "drizzle-orm";
import type { LegacyDrizzle } from "../legacy/connect.js";
import { legacyMemoryItems } from "../legacy/schema.js";

export type MirrorOwner =
  | { kind: "user"; workspaceId: string; userId: string }
  | { kind: "agent"; workspaceId: string; agentId: string };

export interface MirrorTurn {
  rowId: string;
  origin: "dual" | "legacy";
  owner: MirrorOwner;
  messages: { role: string; content: string }[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INT4 = /^[1-9]\d{0,8}$/; // legacy agents.id is a serial (int4)

/** The legacy writers truncated each side to 500 characters; so do we (the rollback copy is theirs). */
const MAX_SIDE = 500;

const joinRole = (messages: MirrorTurn["messages"], role: string): string =>
  messages
    .filter((m) => m.role === role)
    .map((m) => m.content)
    .join("\n");

export function mirrorContent(turn: MirrorTurn, at: Date): string {
  const source = turn.origin === "dual" ? "dual_write" : "memory_service";
  if (turn.owner.kind === "agent") {
    const text = turn.messages.map((m) => m.content).join("\n");
    return JSON.stringify({ content: text, success: true, timestamp: at.toISOString(), source });
  }
  const user = joinRole(turn.messages, "user");
  // System or tool messages have no place in a legacy chat turn; the assistant side keeps the rest.
  const assistant = turn.messages
    .filter((m) => m.role !== "user")
    .map((m) => m.content)
    .join("\n");
  return JSON.stringify({
    type: "conversation",
    user_query: user.slice(0, MAX_SIDE),
    assistant_response: assistant.slice(0, MAX_SIDE),
    summary: user.slice(0, 100),
    timestamp: at.toISOString(),
    success: true,
    is_novel: true,
    goal_relevant: true,
    source,
    user_id: turn.owner.userId,
  });
}

export interface LegacyMirrorWriter {
  represents(owner: MirrorOwner): boolean;
  write(turn: MirrorTurn): Promise<void>;
}

export function createLegacyMirror(
  legacy: LegacyDrizzle,
  options: { now?: () => Date } = {},
): LegacyMirrorWriter {
  const now = options.now ?? (() => new Date());
  return {
    represents: (owner) =>
      UUID.test(owner.workspaceId) && (owner.kind === "user" || INT4.test(owner.agentId)),
    async write(turn) {
      const at = now();
      // Legacy timestamps are naive; we write UTC, what the migration's reader assumes.
      const naive = sql`(${at.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
      await legacy
        .insert(legacyMemoryItems)
        .values({
          id: turn.rowId,
          agentId: turn.owner.kind === "agent" ? Number(turn.owner.agentId) : null,
          workspaceId: turn.owner.workspaceId,
          content: mirrorContent(turn, at),
          memoryType: "experience",
          memoryLevel: "long_term",
          importance: 1,
          accessCount: 0,
          lastAccess: naive,
          createdAt: naive,
          metadata: {},
        })
        // A redelivered job (the relay is at-least-once) finds its row and writes nothing.
        .onConflictDoNothing({ target: legacyMemoryItems.id });
    },
  };
}
