/**
 * Recall's evidence rules on the real engine (embedded mem0: all-MiniLM-L6-v2, hybrid search), with chat
 * turns stored verbatim as P10 stores them: an earlier copy of the question is not returned as evidence, the
 * turn stating the fact is; a paraphrase is found without a shared word; an unrelated question gets nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { P } from "../testing/principals.js";
import { STACK_HOOK_TIMEOUT_MS, startTestStack, type TestStack } from "../testing/test-stack.js";

let t: TestStack;
const TURNS = [
  "My sister Priya moved to Glasgow last spring.",
  "Can you suggest a good thriller novel for the train?",
  "My husband Tom is a firefighter at the station on Elm Road.",
  "Where does my sister live again?",
  "I usually make porridge with oat milk for breakfast.",
];

beforeAll(async () => {
  t = await startTestStack();
  const alice = await t.caller(P.alice);
  for (const text of TURNS)
    await alice.memory.add({ messages: [{ role: "user", content: text }], infer: false });
}, STACK_HOOK_TIMEOUT_MS);

afterAll(async () => {
  await t?.close();
});

const recalled = async (query: string) =>
  (await (await t.caller(P.alice)).memory.recall({ query })).memories.map((m) => m.text);

describe("memory.recall evidence on the embedded default", () => {
  it("returns the turn that states the fact, not the earlier copy of the question", async () => {
    const texts = await recalled("Where does my sister live?");
    expect(texts).toContain(TURNS[0]);
    expect(texts).not.toContain(TURNS[3]);
  });

  it("finds a paraphrase that shares no word with the question (spouse / husband, job / firefighter)", async () => {
    expect(await recalled("What is my spouse's job?")).toContain(TURNS[2]);
  });

  it("gives an agent's shared rule to a second user even when the agent's notes about the first match better", async () => {
    // The agent-scope search also sees the agent's notes about alice (the router drops them as out of bob's
    // scope); the engine's scores are relative to that pool, so no absolute cut on them may drop the rule.
    const planner = (userId: string) =>
      ({ app: "agents", workspaceId: "w1", userId, agentId: "planner" }) as const;
    const rule = "Workspace travel rule: book economy class for flights shorter than six hours.";
    const query = "Book my flights to Berlin for the sales summit.";
    const forAlice = await t.caller(planner("alice"));
    await forAlice.memory.add({ messages: [{ role: "user", content: rule }], scope: "agent" });
    for (const note of [query, "Plan my Porto trip next week. For flights I always prefer a window seat."])
      await forAlice.memory.add({ messages: [{ role: "user", content: note }], scope: "agent-user" });
    const forBob = await (await t.caller(planner("bob"))).memory.recall({ query });
    expect(forBob.memories.map((m) => m.text)).toEqual([rule]);
  });

  it("injects nothing for a question none of the memories is about", async () => {
    expect(await recalled("How tall is Mount Kilimanjaro?")).toEqual([]);
  });
});
