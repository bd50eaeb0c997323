/**
 * The PRD's named integration test, through the gateway on the embedded stack: real HTTP on loopback, the
 * typed client from @automatos/memory pointed at the gateway, the real router, outbox, relay and embedded
 * mem0. A counting proxy in front of mem0 sees every request the stack makes, which is how mem0 calls per
 * chat turn are counted (docs/targets.md P6: <= 1 search + 1 queued add per turn; 0 searches on trivial turns).
 */

import { createMemoryClient, type MemoryClient } from "@automatos/memory/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "../../src/testing/gateway-fixture.js";
import { signUserToken, TEST_SERVICE_SECRETS } from "../../src/testing/tokens.js";

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.close());

async function chatbotFor(workspaceId: string, userId: string): Promise<MemoryClient> {
  return createMemoryClient({
    source: "chatbot",
    gatewayUrl: `${stack.gateway.url}/trpc`,
    serviceToken: TEST_SERVICE_SECRETS.chatbot,
    userToken: await signUserToken({ workspaceId, userId, expiresIn: 3_600 }),
  });
}

async function waitDelivered(jobId: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const row = await stack.gateway.stack.outbox.get(jobId);
    if (row?.status === "delivered") return;
    if (row?.status === "dead") throw new Error(`outbox job ${jobId} was dead-lettered`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`outbox job ${jobId} was not delivered in time`);
}

// Recall's default 150 ms budget is a latency target, measured by the benchmarks; on a busy shared test
// machine it would turn these correctness checks into timing checks, so the tests give recall 5 s.
const RECALL_BUDGET_MS = 5_000;
const recall = (client: MemoryClient, query: string) =>
  client.memory.recall.query({ query, timeBudgetMs: RECALL_BUDGET_MS });

let turnNo = 0;
/** One PRD chat turn: recall -> (LLM) -> reply -> remember; returns what mem0 saw during the turn. */
async function chatTurn(client: MemoryClient, userText: string, reply: string) {
  stack.proxy.reset();
  const recalled = await recall(client, userText);
  const remembered = await client.memory.remember.mutate({
    messages: [
      { role: "user", content: userText },
      { role: "assistant", content: reply },
    ],
    idempotencyKey: `flow-turn-${++turnNo}`,
  });
  await waitDelivered(remembered.jobId);
  const calls = [...stack.proxy.calls];
  return {
    recalled,
    calls,
    searches: calls.filter((c) => c === "POST /search").length,
    adds: calls.filter((c) => c === "POST /memories").length,
  };
}

describe("memory flow through the gateway (embedded stack)", () => {
  it("turn 1 states a fact, turn 2 recalls it, with at most 1 search + 1 queued add per turn", async () => {
    const alice = await chatbotFor("ws-1", "alice");

    const turn1 = await chatTurn(
      alice,
      "My favourite tea is jasmine green tea.",
      "Noted: jasmine green tea.",
    );
    expect(turn1.searches).toBe(turn1.recalled.searches);
    expect(turn1.searches).toBeLessThanOrEqual(1);
    expect(turn1.adds).toBe(1);
    expect(turn1.calls.every((c) => c === "POST /search" || c === "POST /memories")).toBe(true);

    const turn2 = await chatTurn(alice, "Which tea do I like best?", "You like jasmine green tea.");
    expect(turn2.searches).toBe(1);
    expect(turn2.adds).toBe(1);
    expect(turn2.calls).toHaveLength(2);
    expect(turn2.recalled.degraded).toBe(false);
    expect(turn2.recalled.context).toContain("jasmine green tea");
    expect(turn2.recalled.memories.some((m) => m.text.includes("jasmine") && m.scope === "user")).toBe(true);
  });

  it("makes no mem0 search on a trivial turn", async () => {
    const alice = await chatbotFor("ws-1", "alice");
    const turn = await chatTurn(alice, "thanks!", "You're welcome.");
    expect(turn.recalled.skipped).not.toBeNull();
    expect(turn.recalled.searches).toBe(0);
    expect(turn.searches).toBe(0);
    expect(turn.adds).toBe(1);
  });

  it("keeps two users of one workspace, and two workspaces, apart", async () => {
    const question = "Which tea do I like best?";
    const bobSameWorkspace = await chatbotFor("ws-1", "bob");
    const aliceOtherWorkspace = await chatbotFor("ws-2", "alice");
    for (const stranger of [bobSameWorkspace, aliceOtherWorkspace]) {
      const recalled = await recall(stranger, question);
      expect(recalled.degraded).toBe(false);
      expect(recalled.context).not.toContain("jasmine");
      expect(recalled.memories).toEqual([]);
      const searched = await stranger.memory.search.query({ query: "jasmine green tea" });
      expect(searched.memories).toEqual([]);
      const listed = await stranger.memory.list.query({});
      expect(listed.memories.some((m) => m.text.includes("jasmine"))).toBe(false);
    }

    // Bob states his own fact; alice (ws-1) must not see it, bob must.
    await chatTurn(
      bobSameWorkspace,
      "My favourite tea is smoky lapsang souchong.",
      "Noted: lapsang souchong.",
    );
    const alice = await chatbotFor("ws-1", "alice");
    // A fresh wording: alice's own earlier question is stored too and would be the nearest match to itself.
    const aliceRecall = await recall(alice, "Remind me of my favourite tea.");
    expect(aliceRecall.degraded).toBe(false);
    expect(aliceRecall.context).toContain("jasmine");
    expect(aliceRecall.context).not.toContain("lapsang");
    const bobRecall = await recall(bobSameWorkspace, question);
    expect(bobRecall.context).toContain("lapsang");
    expect(bobRecall.context).not.toContain("jasmine");
  });
});
