/**
 * The chatbot's turn flow end to end on the embedded stack, once with the memory router in process and
 * once through the gateway: recall -> offline model -> reply -> remember (outbox -> relay -> mem0), the
 * trivial turn, tenant isolation, and the user's own memory list/delete.
 */

import type { Identity } from "@automatos/app-runtime";
import { createOfflineModel, OFFLINE_NOTICE, waitForDelivery } from "@automatos/app-runtime";
import { type ConnectionMode, TEST_RECALL_BUDGET_MS, useMemoryFixture } from "@automatos/app-runtime/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { type ChatService, createChatService } from "../src/chat/chat-service.js";
import { runChatSession } from "../src/cli/chat-session.js";

const fixture = useMemoryFixture();

describe.each<ConnectionMode>(["in-process", "gateway"])("chat flow (%s)", (mode) => {
  const ws = `acme-${mode}`;
  let service: ChatService;
  const who = (workspaceId: string, userId: string) => fixture().identity(mode, workspaceId, userId);
  const settle = async (identity: Identity) => {
    await waitForDelivery(fixture().connection("chatbot", mode).clientFor(identity));
  };

  beforeAll(() => {
    service = createChatService({
      memory: fixture().connection("chatbot", mode),
      model: createOfflineModel(),
      recallBudgetMs: TEST_RECALL_BUDGET_MS,
    });
  });

  it("remembers a turn and recalls it later, with scores and timings when asked", async () => {
    const alice = await who(ws, "alice");
    const first = await service.turn(alice, {
      conversationId: "c1",
      message: "I'm vegetarian and I live in Lisbon.",
      showMemory: true,
    });
    expect(first.remembered.status).toBe("queued");
    expect(first.memory?.used).toEqual([]);
    expect(first.memory?.searches).toBe(1);
    expect(first.reply).toContain(OFFLINE_NOTICE);
    await settle(alice);

    const thanks = await service.turn(alice, { conversationId: "c1", message: "thanks!", showMemory: true });
    expect(thanks.memory).toMatchObject({ skipped: "acknowledgement", searches: 0, used: [] });
    expect(thanks.remembered).toEqual({ status: "skipped", reason: "trivial-turn" });

    const later = await service.turn(alice, {
      conversationId: "c2",
      message: "Can you suggest a vegetarian restaurant in Lisbon?",
      showMemory: true,
    });
    const used = later.memory?.used ?? [];
    expect(used.map((m) => m.text)).toContain("I'm vegetarian and I live in Lisbon.");
    expect(used.every((m) => m.scope === "user" && m.score > 0)).toBe(true);
    expect(later.memory?.degraded).toBe(false);
    expect(later.memory?.timings.totalMs).toBeGreaterThan(0);
    expect(later.reply).toContain('"I\'m vegetarian and I live in Lisbon."');
    // Without showMemory the report stays out of the result.
    const quiet = await service.turn(alice, {
      conversationId: "c2",
      message: "Any vegetarian place in Lisbon?",
    });
    expect(quiet.memory).toBeUndefined();
    await settle(alice);
  });

  it("never shows alice's memories to another user or to the same user id in another workspace", async () => {
    const question = "Can you suggest a vegetarian restaurant in Lisbon?";
    for (const other of [await who(ws, "bob"), await who(`globex-${mode}`, "alice")]) {
      const turn = await service.turn(other, { conversationId: "c1", message: question, showMemory: true });
      expect(turn.memory?.used).toEqual([]);
      expect(turn.reply).toContain("nothing in memory");
      const listed = await service.listMemories(other);
      expect(listed.memories.map((m) => m.text)).not.toContain("I'm vegetarian and I live in Lisbon.");
    }
    await settle(await who(ws, "bob"));
  });

  it("lists the user's own memories and deletes one; someone else's id is NOT_FOUND", async () => {
    const alice = await who(ws, "alice");
    const bob = await who(ws, "bob");
    const { memories } = await service.listMemories(alice);
    const target = memories.find((m) => m.text === "I'm vegetarian and I live in Lisbon.");
    expect(target).toBeDefined();
    if (!target) return;
    await expect(service.forgetMemory(bob, target.id)).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
    await service.forgetMemory(alice, target.id);
    const after = await service.listMemories(alice);
    expect(after.memories.map((m) => m.id)).not.toContain(target.id);
    await expect(service.forgetMemory(alice, target.id)).rejects.toMatchObject({
      data: { code: "NOT_FOUND" },
    });
  });

  it("runs the terminal session loop: messages, /show-memory, /memories, /forget, /quit", async () => {
    const dave = await who(ws, "dave");
    const out: string[] = [];
    const session = (lines: string[]) =>
      runChatSession({
        service,
        identity: dave,
        conversationId: "terminal",
        showMemory: false,
        lines: (async function* () {
          yield* lines;
        })(),
        write: (text) => out.push(text),
      });
    expect(await session(["My badge number is 4711.", "/show-memory", "/help"])).toBe(1);
    await settle(dave);
    await session(["/memories"]);
    const id = /^([0-9a-f-]{36}) {2}user {2}"My badge number is 4711\."$/m.exec(out.join("\n"))?.[1];
    expect(id).toBeDefined();
    const answered = await session([`/forget ${id}`, "/memories", "/forget", "/quit", "never read"]);
    expect(answered).toBe(0);
    expect(out).toEqual(
      expect.arrayContaining([
        "show-memory on",
        expect.stringContaining("/forget <id>   delete one of your memories"),
        `forgot ${id}`,
        "(no memories)",
        "usage: /forget <id>   (ids are listed by /memories)",
      ]),
    );
    expect(out.join("\n")).not.toContain("never read");
  });
});
