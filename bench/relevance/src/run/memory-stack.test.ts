import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EVAL_KEY, startBenchStack } from "./memory-stack.js";

// The real P10 subject (embedded mem0, default embedder) on a temp dir: what P10 stores is what it measures.
let bench: Awaited<ReturnType<typeof startBenchStack>>;
beforeAll(async () => {
  bench = await startBenchStack();
}, 120_000);
afterAll(async () => {
  await bench?.close();
});

describe("startBenchStack().store", () => {
  it("stores a step's memories one at a time in the set's order, so their timestamps follow it", async () => {
    const keys = ["first", "second", "third", "fourth", "fifth", "sixth"];
    await bench.store(
      "ann",
      keys.map((key) => ({ key, text: `Ann told me the ${key} thing about her week.` })),
    );
    const { memories } = await bench.clientFor("ann").memory.list.query({ limit: 50 });
    const byTime = [...memories].sort((a, b) => (a.createdAt ?? "").localeCompare(b.createdAt ?? ""));
    expect(byTime.map((m) => m.metadata?.[EVAL_KEY])).toEqual(keys);
    // Distinct timestamps: a tie would leave the recency prior's order to chance.
    expect(new Set(byTime.map((m) => m.createdAt)).size).toBe(keys.length);
  }, 60_000);
});
