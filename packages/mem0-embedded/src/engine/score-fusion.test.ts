import { describe, expect, it } from "vitest";
import { fuseScores, passesThreshold } from "./score-fusion.js";

describe("fuseScores", () => {
  it("min-max scales the cosine, divides BM25 by the best and weighs them", () => {
    const fused = fuseScores(
      [
        { id: "dense", cosine: 0.8, bm25: 0 },
        { id: "both", cosine: 0.6, bm25: 4 },
        { id: "lexical", cosine: 0.4, bm25: 8 },
      ],
      { dense: 0.6, recency: 0 },
    );
    expect(fused.map((f) => [f.id, Number(f.score.toFixed(3))])).toEqual([
      ["dense", 0.6],
      ["both", 0.5],
      ["lexical", 0.4],
    ]);
  });

  it("lets recency decide between equally relevant candidates, and only a little otherwise", () => {
    const fused = fuseScores(
      [
        { id: "old", cosine: 0.7, bm25: 2, time: "2026-01-01T00:00:00.000Z" },
        { id: "new", cosine: 0.7, bm25: 2, time: "2026-06-01T00:00:00.000Z" },
        { id: "unrelated-new", cosine: 0.1, bm25: 0, time: "2026-07-01T00:00:00.000Z" },
      ],
      { dense: 0.6, recency: 0.2 },
    );
    expect(fused.map((f) => f.id)).toEqual(["new", "old", "unrelated-new"]);
    expect(fused.find((f) => f.id === "unrelated-new")?.recency).toBe(1);
  });

  it("keeps the cosine itself when there is nothing to spread", () => {
    const [only] = fuseScores([{ id: "a", cosine: 0.7, bm25: 0 }], { dense: 0.6, recency: 0 });
    expect(only?.dense).toBeCloseTo(0.7);
    expect(only?.lexical).toBe(0);
    expect(only?.score).toBeCloseTo(0.42);
  });

  it("handles no candidates", () => {
    expect(fuseScores([])).toEqual([]);
  });
});

describe("passesThreshold", () => {
  it("needs the threshold, or half of it with a word match", () => {
    expect(passesThreshold({ id: "a", cosine: 0.3, bm25: 0 }, 0.3)).toBe(true);
    expect(passesThreshold({ id: "a", cosine: 0.2, bm25: 0 }, 0.3)).toBe(false);
    expect(passesThreshold({ id: "a", cosine: 0.2, bm25: 1.5 }, 0.3)).toBe(true);
    expect(passesThreshold({ id: "a", cosine: 0.1, bm25: 1.5 }, 0.3)).toBe(false);
  });
});
