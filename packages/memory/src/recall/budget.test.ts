import { describe, expect, it } from "vitest";
import { selectWithinBudget } from "./budget.js";
import { countTokens } from "./tokens.js";

const cases: {
  name: string;
  costs: number[];
  budget: number;
  overhead: number;
  kept: number[];
  tokens: number;
}[] = [
  { name: "all fit", costs: [10, 20, 30], budget: 100, overhead: 5, kept: [10, 20, 30], tokens: 65 },
  { name: "exact fit is allowed", costs: [50, 45], budget: 100, overhead: 5, kept: [50, 45], tokens: 100 },
  {
    name: "skips an item that does not fit, keeps later smaller ones",
    costs: [50, 60, 20],
    budget: 80,
    overhead: 5,
    kept: [50, 20],
    tokens: 75,
  },
  { name: "overhead alone exceeds the budget", costs: [1], budget: 4, overhead: 5, kept: [], tokens: 0 },
  { name: "nothing in", costs: [], budget: 100, overhead: 5, kept: [], tokens: 0 },
];

describe("selectWithinBudget", () => {
  for (const c of cases) {
    it(c.name, () => {
      const out = selectWithinBudget(c.costs, (x) => x, c.budget, c.overhead);
      expect(out.kept).toEqual(c.kept);
      expect(out.tokens).toBe(c.tokens);
      expect(out.kept.length + out.dropped.length).toBe(c.costs.length);
    });
  }
});

describe("selectWithinBudget: cost by position", () => {
  it("tells the cost function how many items were taken before each one", () => {
    const seen: [string, number][] = [];
    const out = selectWithinBudget(
      ["a", "b", "c"],
      (x, keptBefore) => {
        seen.push([x, keptBefore]);
        return x === "b" ? 100 : 10;
      },
      50,
      5,
    );
    expect(out.kept).toEqual(["a", "c"]);
    expect(seen).toEqual([
      ["a", 0],
      ["b", 1],
      ["c", 1],
    ]);
  });
});

describe("countTokens", () => {
  it("counts ordinary text and treats special-token text as plain text", () => {
    expect(countTokens("Hello world")).toBe(2);
    expect(countTokens("hi <|endoftext|> there")).toBeGreaterThan(3);
    expect(countTokens("")).toBe(0);
  });
});
