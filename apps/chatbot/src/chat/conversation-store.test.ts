import { describe, expect, it } from "vitest";
import { createConversationStore } from "./conversation-store.js";

const key = (userId: string, conversationId = "c1") => ({ workspaceId: "w1", userId, conversationId });
const turn = (n: number) => [
  { role: "user" as const, content: `q${n}` },
  { role: "assistant" as const, content: `a${n}` },
];

describe("createConversationStore", () => {
  it("keeps the last maxMessages messages of a thread, oldest first", () => {
    const store = createConversationStore({ maxMessages: 4 });
    for (let n = 1; n <= 3; n++) store.append(key("alice"), turn(n));
    expect(store.history(key("alice")).map((m) => m.content)).toEqual(["q2", "a2", "q3", "a3"]);
  });

  it("never shares a thread between users who pick the same conversation id", () => {
    const store = createConversationStore();
    store.append(key("alice"), turn(1));
    expect(store.history(key("bob"))).toEqual([]);
    expect(store.history({ workspaceId: "w2", userId: "alice", conversationId: "c1" })).toEqual([]);
  });

  it("evicts the least recently used conversation past maxConversations", () => {
    const store = createConversationStore({ maxConversations: 2 });
    store.append(key("a"), turn(1));
    store.append(key("b"), turn(1));
    store.append(key("a"), turn(2)); // a is now the most recent
    store.append(key("c"), turn(1)); // evicts b
    expect(store.size).toBe(2);
    expect(store.history(key("b"))).toEqual([]);
    expect(store.history(key("a"))).toHaveLength(4);
  });
});
