/**
 * The agents app end to end on the embedded stack, in process and through the gateway: the preference demo
 * (learned in one task, used in a later one, not given to a second user; an agent-level rule shared by
 * both), plus the scope boundaries around agent memory.
 */
import { createOfflineModel, waitForDelivery } from "@automatos/app-runtime";
import { type ConnectionMode, TEST_RECALL_BUDGET_MS, useMemoryFixture } from "@automatos/app-runtime/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { runPreferenceDemo } from "../src/demo/preference-demo.js";
import { createAgentRegistry } from "../src/registry/agent-registry.js";
import { DEFAULT_AGENTS } from "../src/registry/default-agents.js";
import { type AgentRunner, createAgentRunner } from "../src/runner/agent-runner.js";

const fixture = useMemoryFixture();

describe.each<ConnectionMode>(["in-process", "gateway"])("agents (%s)", (mode) => {
  const ws = `acme-${mode}`;
  let runner: AgentRunner;
  const user = (userId: string, workspaceId = ws) => fixture().identity(mode, workspaceId, userId);

  beforeAll(() => {
    runner = createAgentRunner({
      memory: fixture().connection("agents", mode),
      model: createOfflineModel(),
      registry: createAgentRegistry(DEFAULT_AGENTS),
      recallBudgetMs: TEST_RECALL_BUDGET_MS,
    });
  });

  it("learns a preference in one task, uses it later, and does not give it to a second user", async () => {
    const result = await runPreferenceDemo(runner, { first: await user("alice"), second: await user("bob") });
    expect(result.learn.rememberedJobId).toBeTruthy();
    expect(result.preferenceUsed).toBe(true);
    expect(result.leakedToOtherUser).toBe(false);
    expect(result.ruleShared).toBe(true);
    const scopes = new Map(result.later.recalled.used.map((m) => [m.text, m.scope]));
    expect([...scopes.entries()]).toEqual(
      expect.arrayContaining([
        ["Plan my Porto trip next week. For flights I always prefer a window seat.", "agent-user"],
        ["Workspace travel rule: book economy class for flights shorter than six hours.", "agent"],
      ]),
    );
    expect(result.later.reply).toContain("window seat");
  });

  it("keeps agent memory from the chatbot, from other agents and from other workspaces", async () => {
    const alice = await user("alice");
    const task = "Book my flights to Berlin for the sales summit.";
    // Another agent acting for the same user sees neither the trip planner's notes nor its rule.
    const scribe = await runner.runTask({ agentId: "meeting-scribe", user: alice, task });
    expect(scribe.recalled.used.filter((m) => m.scope !== "user")).toEqual([]);
    // Memory acting as the chatbot app (as its chat turn recalls) reads only the user's own scope: the
    // agent's notes about alice stay out.
    const asChatbot = fixture().connection("chatbot", mode).clientFor(alice);
    const recalled = await asChatbot.memory.recall.query({
      query: "Which seat do I prefer on flights?",
      timeBudgetMs: TEST_RECALL_BUDGET_MS,
    });
    expect(recalled.degraded).toBe(false);
    expect(recalled.memories.some((m) => m.text.includes("window seat"))).toBe(false);
    // The same agent and user id in another workspace starts from nothing.
    const elsewhere = await runner.runTask({
      agentId: "trip-planner",
      user: await user("alice", `globex-${mode}`),
      task,
    });
    expect(elsewhere.recalled.used).toEqual([]);
    await waitForDelivery(runner.clientFor("trip-planner", alice));
  });

  it("reads what the chatbot learned about the user (agents read the user scope)", async () => {
    const carol = await user("carol");
    // What the chatbot remembers of a turn: the user's message, in the user's scope.
    await fixture()
      .connection("chatbot", mode)
      .clientFor(carol)
      .memory.remember.mutate({
        messages: [{ role: "user", content: "I am allergic to peanuts, keep that in mind for flights." }],
        idempotencyKey: `chat:c1:${mode}-carol-1`,
        metadata: { source: "chatbot", conversationId: "c1" },
      });
    await waitForDelivery(runner.clientFor("trip-planner", carol));
    const task = await runner.runTask({
      agentId: "trip-planner",
      user: carol,
      task: "Order a meal for my flights, no peanuts.",
    });
    expect(task.recalled.used).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ scope: "user", text: expect.stringContaining("peanuts") }),
      ]),
    );
  });

  it("refuses an unknown agent before any memory call", async () => {
    await expect(
      runner.runTask({ agentId: "nope", user: await user("alice"), task: "anything" }),
    ).rejects.toThrow('agentId: no agent "nope"');
  });
});
