import { describe, expect, it } from "vitest";
import { applyRelevanceFloor, type FloorRules } from "./floor.js";

const s = (...scores: number[]) => scores.map((score, i) => ({ id: `m${i}`, score }));
const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

const cases: { name: string; scores: number[]; rules?: FloorRules; kept: string[] }[] = [
  { name: "nothing in, nothing out", scores: [], kept: [] },
  { name: "all below the absolute floor", scores: [0.15, 0.1, 0.05], kept: [] },
  { name: "absolute floor is inclusive", scores: [0.2, 0.19], kept: ["m0"] },
  {
    name: "relative floor drops the tail of a strong match",
    scores: [0.9, 0.5, 0.44, 0.3],
    kept: ["m0", "m1"],
  },
  { name: "several equally strong matches survive", scores: [0.6, 0.58, 0.55], kept: ["m0", "m1", "m2"] },
  {
    name: "relative floor disabled",
    scores: [0.9, 0.25],
    rules: { minScore: 0.2, relativeToBest: 0 },
    kept: ["m0", "m1"],
  },
  {
    name: "NaN and infinite scores never pass",
    scores: [Number.NaN, 0.5, Number.POSITIVE_INFINITY],
    kept: ["m1"],
  },
  { name: "order is preserved", scores: [0.3, 0.5, 0.4], kept: ["m0", "m1", "m2"] },
];

describe("applyRelevanceFloor", () => {
  for (const c of cases) {
    it(c.name, () => {
      const out = applyRelevanceFloor(s(...c.scores), c.rules);
      expect(ids(out.kept)).toEqual(c.kept);
      expect(out.kept.length + out.dropped.length).toBe(c.scores.length);
    });
  }
});
