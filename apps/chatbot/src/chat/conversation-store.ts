/**
 * Short-term memory: the recent turns of each conversation, kept in this process so the LLM sees the
 * thread. Long-term memory is mem0's job; this store is bounded (turns per conversation, conversations in
 * all, least recently used evicted first) and keyed by tenant so two users never share a thread even if
 * they pick the same conversation id.
 */
import type { ChatMessage } from "@automatos/app-runtime";

export interface ConversationStore {
  history(key: ConversationKey): readonly ChatMessage[];
  append(key: ConversationKey, messages: readonly ChatMessage[]): void;
  readonly size: number;
}

export interface ConversationKey {
  workspaceId: string;
  userId: string;
  conversationId: string;
}

export function createConversationStore(
  options: { maxMessages?: number; maxConversations?: number } = {},
): ConversationStore {
  const maxMessages = options.maxMessages ?? 20;
  const maxConversations = options.maxConversations ?? 1_000;
  // A Map iterates in insertion order; re-inserting on use makes the first key the least recently used.
  const threads = new Map<string, ChatMessage[]>();
  // A JSON array of the three ids: no two different tuples can share a key.
  const keyOf = (k: ConversationKey) => JSON.stringify([k.workspaceId, k.userId, k.conversationId]);
  return {
    history(key) {
      return threads.get(keyOf(key)) ?? [];
    },
    append(key, messages) {
      const k = keyOf(key);
      const thread = [...(threads.get(k) ?? []), ...messages].slice(-maxMessages);
      threads.delete(k);
      threads.set(k, thread);
      while (threads.size > maxConversations) {
        const oldest = threads.keys().next().value;
        if (oldest === undefined) break;
        threads.delete(oldest);
      }
    },
    get size() {
      return threads.size;
    },
  };
}
