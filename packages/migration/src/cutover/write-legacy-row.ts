/**
 * `dual` mode: the memory service also writes each remembered turn to the legacy store, as a row the legacy
 * system itself would have written (docs/legacy-store.md §3.3 step 5), so rolling a workspace back to `legacy`
 * loses nothing. Two additions the legacy readers ignore: `source: "dual_write"` (the migration skips these
 * rows: they are in mem0 already) and `user_id` (a later re-migration resolves the owner without a chat).
 */
import { randomUUID } from "node:crypto";
import type { LegacyDrizzle } from "../legacy/connect.js";
import { legacyMemoryItems } from "../legacy/schema.js";

export interface LegacyTurn {
  workspaceId: string;
  userId: string;
  userMessage: string;
  assistantMessage: string;
  chatId?: string | null;
  /** Defaults to now. */
  at?: Date;
}

/** Legacy timestamps are naive; the legacy writers used local time, we write UTC (what the reader assumes). */
const naiveUtc = (d: Date): string => d.toISOString().replace("T", " ").replace("Z", "");

export function legacyContentOf(turn: LegacyTurn): string {
  const at = turn.at ?? new Date();
  return JSON.stringify({
    type: "conversation",
    ...(turn.chatId ? { chat_id: turn.chatId } : {}),
    user_query: turn.userMessage.slice(0, 500),
    assistant_response: turn.assistantMessage.slice(0, 500),
    summary: turn.userMessage.slice(0, 100),
    timestamp: at.toISOString(),
    success: true,
    is_novel: true,
    goal_relevant: true,
    source: "dual_write",
    user_id: turn.userId,
  });
}

/** Inserts the legacy-format row and returns its id. */
export async function writeLegacyRow(legacy: LegacyDrizzle, turn: LegacyTurn): Promise<string> {
  const at = turn.at ?? new Date();
  const id = randomUUID();
  await legacy.insert(legacyMemoryItems).values({
    id,
    agentId: null, // chat rows carry no agent since Jan 2026
    workspaceId: turn.workspaceId,
    content: legacyContentOf({ ...turn, at }),
    memoryType: "experience",
    memoryLevel: "long_term", // conversations are always long_term (docs/legacy-store.md §2.2)
    importance: 1,
    accessCount: 0,
    lastAccess: new Date(`${naiveUtc(at)}Z`),
    createdAt: new Date(`${naiveUtc(at)}Z`),
    metadata: {},
  });
  return id;
}
