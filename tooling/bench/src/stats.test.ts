import { describe, expect, it } from "vitest";
import { percentile, summarize } from "./stats.js";

describe("percentile", () => {
  const cases: { name: string; sample: number[]; p: number; expected: number }[] = [
    { name: "median of odd sample", sample: [1, 2, 3], p: 50, expected: 2 },
    { name: "median of even sample interpolates", sample: [1, 2, 3, 4], p: 50, expected: 2.5 },
    { name: "p0 is the minimum", sample: [5, 9, 11], p: 0, expected: 5 },
    { name: "p100 is the maximum", sample: [5, 9, 11], p: 100, expected: 11 },
    { name: "p95 of 1..100", sample: Array.from({ length: 100 }, (_, i) => i + 1), p: 95, expected: 95.05 },
  ];
  for (const c of cases) {
    it(c.name, () => expect(percentile(c.sample, c.p)).toBeCloseTo(c.expected, 9));
  }
  it("rejects an empty sample and out-of-range p", () => {
    expect(() => percentile([], 50)).toThrow(/empty/);
    expect(() => percentile([1], 101)).toThrow(/0\.\.100/);
  });
});

describe("summarize", () => {
  it("does not depend on input order", () => {
    const s = summarize([9, 1, 5, 3, 7]);
    expect(s).toMatchObject({ count: 5, min: 1, max: 9, mean: 5, p50: 5 });
  });
});
