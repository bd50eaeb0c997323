import { describe, expect, it } from "vitest";
import { VectorMatrix } from "./vector-matrix.js";

/** A deterministic pseudo-random vector (no Math.random: a failure must replay). */
function vectorOf(seed: number, dims: number): number[] {
  let x = seed * 2654435761;
  return Array.from({ length: dims }, () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648 - 0.5;
  });
}

function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  a.forEach((v, i) => {
    dot += v * (b[i] as number);
    na += v * v;
    nb += (b[i] as number) ** 2;
  });
  return dot / Math.sqrt(na * nb);
}

describe("VectorMatrix", () => {
  // 27: the scan's four running sums and its remainder loop both count.
  it.each([24, 27])("returns the exact top k by cosine, best first, clamped to 0..1 (%i dims)", (dims) => {
    const rows = Array.from({ length: 300 }, (_, i) => ({ id: `m${i}`, v: vectorOf(i + 1, dims) }));
    const m = new VectorMatrix(dims, 4); // grows past its first capacity
    for (const r of rows) m.upsert(r.id, r.v);
    const query = vectorOf(999, dims);
    const expected = rows
      .map((r) => ({ id: r.id, cosine: cosine(query, r.v) }))
      .sort((a, b) => b.cosine - a.cosine)
      .slice(0, 10);
    const got = m.nearest(query, 10);
    expect(got.map((h) => h.id)).toEqual(expected.map((h) => h.id));
    for (const [i, h] of got.entries())
      expect(h.cosine).toBeCloseTo(Math.max(0, (expected[i] as { cosine: number }).cosine), 5);
    expect(m.nearest(query, 1000)).toHaveLength(rows.length);
  });

  it("replaces a vector on upsert and keeps the others after a removal", () => {
    const m = new VectorMatrix(3);
    m.upsert("a", [1, 0, 0]);
    m.upsert("b", [0, 1, 0]);
    m.upsert("c", [0, 0, 2]);
    m.upsert("a", [0, 0, -1]);
    expect(m.size).toBe(3);
    expect(m.cosineOf([1, 0, 0], "a")).toBe(0);
    expect(m.remove("a")).toBe(true);
    expect(m.remove("a")).toBe(false);
    expect(m.size).toBe(2);
    expect(m.nearest([0, 0, 1], 5)).toEqual([
      { id: "c", cosine: 1 },
      { id: "b", cosine: 0 },
    ]);
    expect(m.cosineOf([0, 1, 0], "b")).toBe(1);
    expect(m.cosineOf([0, 1, 0], "a")).toBeUndefined();
  });

  it("refuses a vector of the wrong dimension, naming both", () => {
    const m = new VectorMatrix(3);
    expect(() => m.upsert("a", [1, 2])).toThrow("vector has 2 dimensions, the matrix 3");
    expect(() => m.nearest([1, 2], 1)).toThrow("query has 2 dimensions, the matrix 3");
  });
});
