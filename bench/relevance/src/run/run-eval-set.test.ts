import { describe, expect, it } from "vitest";
import { createBm25Arm } from "../arms/bm25-arm.js";
import { createLegacyArm } from "../arms/legacy-arm.js";
import type { EvalMemory, EvalSet } from "../eval-set/types.js";
import { figuresOf } from "./figures.js";
import { runEvalSet } from "./run-eval-set.js";

const m = (key: string, text: string): EvalMemory => ({ key, text });

// One tenant asked mid-history: the first query may only see the first session's memories.
const set: EvalSet = {
  name: "fixture",
  split: "test",
  personas: ["Ann"],
  notes: {},
  tenants: [
    {
      userId: "ann",
      steps: [
        {
          kind: "add",
          memories: [
            m("cat", "Ann has a tabby cat named Pickle."),
            m("job", "Ann works as a nurse in Leeds."),
            m("tea", "Ann drinks green tea every morning."),
          ],
        },
        {
          kind: "ask",
          queries: [{ id: "q1", text: "What is my cat's name?", evidence: ["cat"], category: "a" }],
        },
        { kind: "add", memories: [m("cat2", "Ann adopted a second cat, Mango, a ginger cat.")] },
        {
          kind: "ask",
          queries: [{ id: "q2", text: "Which cats do I have?", evidence: ["cat", "cat2"], category: "b" }],
        },
      ],
    },
  ],
};

describe("runEvalSet", () => {
  it("answers each query from the memories stored before it, in every arm", async () => {
    const stored: string[][] = [];
    const { results } = await runEvalSet(
      set,
      async (_user, memories) => {
        stored.push(memories.map((x) => x.key));
      },
      [createBm25Arm(), createLegacyArm(2)],
    );
    expect(stored).toEqual([["cat", "job", "tea"], ["cat2"]]);
    const bm25 = results.get("BM25 (same memories)") ?? [];
    expect(bm25.map((r) => r.retrieved[0])).toEqual(["cat", "cat2"]);
    expect(bm25[1]?.retrieved).toContain("cat");
    // legacy: the 2 newest at the time of asking
    expect((results.get("legacy (10 newest)") ?? []).map((r) => r.retrieved)).toEqual([
      ["tea", "job"],
      ["cat2", "tea"],
    ]);
  });

  it("figures: recall, memories and off-topic memories per turn", async () => {
    const { results } = await runEvalSet(set, async () => {}, [createLegacyArm(2)]);
    const f = figuresOf(results.get("legacy (10 newest)") ?? []);
    // q1: 0 of 1 found, 2 off-topic; q2: cat2 found (1 of 2), tea off-topic
    expect(f).toMatchObject({
      questions: 2,
      recallAt10: 0.25,
      hitAt10: 0.5,
      memoriesPerTurn: 2,
      offTopicPerTurn: 1.5,
    });
  });
});
