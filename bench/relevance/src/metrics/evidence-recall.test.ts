import { describe, expect, it } from "vitest";
import { evidenceRecallAt, hitAt, summarise, summariseByCategory } from "./evidence-recall.js";

describe("evidenceRecallAt", () => {
  it("counts the share of evidence turns inside the top k", () => {
    expect(evidenceRecallAt(["a", "b", "c", "d"], ["b", "d"], 2)).toBe(0.5);
    expect(evidenceRecallAt(["a", "b", "c", "d"], ["b", "d"], 4)).toBe(1);
    expect(evidenceRecallAt(["a", "b"], ["x"], 10)).toBe(0);
  });

  it("counts a repeated id or a repeated evidence id once", () => {
    expect(evidenceRecallAt(["b", "b", "b"], ["b", "c"], 3)).toBe(0.5);
    expect(evidenceRecallAt(["b"], ["b", "b"], 1)).toBe(1);
  });

  it("rejects an empty evidence list and a non-positive k", () => {
    expect(() => evidenceRecallAt(["a"], [], 5)).toThrow(/evidence/);
    expect(() => evidenceRecallAt(["a"], ["a"], 0)).toThrow(/k must be/);
  });
});

describe("hitAt", () => {
  it("is 1 when any evidence turn is in the top k", () => {
    expect(hitAt(["a", "b", "c"], ["c", "z"], 3)).toBe(1);
    expect(hitAt(["a", "b", "c"], ["c", "z"], 2)).toBe(0);
  });
});

describe("summarise", () => {
  const items = [
    { category: "temporal", retrieved: ["a", "b"], evidence: ["a"] },
    { category: "temporal", retrieved: ["x", "y"], evidence: ["y", "z"] },
    { category: "paraphrased", retrieved: [], evidence: ["q"] },
  ];

  it("macro-averages recall and hit-rate over questions for each k", () => {
    const s = summarise(items, [1, 2]);
    expect(s.questions).toBe(3);
    expect(s.recall[1]).toBeCloseTo(1 / 3);
    expect(s.recall[2]).toBeCloseTo((1 + 0.5 + 0) / 3);
    expect(s.hit[2]).toBeCloseTo(2 / 3);
  });

  it("splits by category", () => {
    const s = summariseByCategory(items, [2]);
    expect(Object.keys(s.byCategory)).toEqual(["paraphrased", "temporal"]);
    expect(s.byCategory.temporal?.recall[2]).toBeCloseTo(0.75);
    expect(s.byCategory.paraphrased?.hit[2]).toBe(0);
  });
});
