import { describe, expect, it } from "vitest";
import { fuseScores } from "./score-fusion.js";

describe("fuseScores", () => {
  it("min-max scales the cosine, divides BM25 by the best and weighs them", () => {
    const fused = fuseScores(
      [
        { id: "dense", cosine: 0.8, bm25: 0 },
        { id: "both", cosine: 0.6, bm25: 4 },
        { id: "lexical", cosine: 0.4, bm25: 8 },
      ],
      { dense: 0.6 },
    );
    expect(fused.map((f) => [f.id, Number(f.score.toFixed(3))])).toEqual(
      [
        ["both", 0.5],
        ["dense", 0.6 * 1],
        ["lexical", 0.4],
      ].sort((a, b) => (b[1] as number) - (a[1] as number)),
    );
  });

  it("keeps the cosine itself when there is nothing to spread", () => {
    const [only] = fuseScores([{ id: "a", cosine: 0.7, bm25: 0 }], { dense: 0.6 });
    expect(only?.dense).toBeCloseTo(0.7);
    expect(only?.lexical).toBe(0);
  });

  it("breaks score ties by cosine and handles no candidates", () => {
    expect(fuseScores([])).toEqual([]);
    const fused = fuseScores(
      [
        { id: "low", cosine: 0.2, bm25: 2 },
        { id: "high", cosine: 0.2, bm25: 2 },
      ],
      { dense: 0.5 },
    );
    expect(fused).toHaveLength(2);
  });
});
