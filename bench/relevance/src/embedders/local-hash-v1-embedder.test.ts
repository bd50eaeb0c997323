import { describe, expect, it } from "vitest";
import { createLocalHashV1Embedder, stem, tokenize } from "./local-hash-v1-embedder.js";

const cos = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * (b[i] as number), 0);

describe("createLocalHashV1Embedder (the previous default, kept for the study)", () => {
  const e = createLocalHashV1Embedder(384);

  it("is deterministic, L2-normalised and of the requested size", async () => {
    const [a, b] = await e.embedDocuments(["Alice prefers green tea", "Alice prefers green tea"]);
    expect(a).toHaveLength(384);
    expect(a).toEqual(b);
    expect(cos(a as number[], a as number[])).toBeCloseTo(1, 10);
    expect(await e.embedQuery("Alice prefers green tea")).toEqual(a);
  });

  it("ranks texts sharing words above unrelated ones", async () => {
    const q = e.embed("which tea does alice drink");
    const related = e.embed("Alice prefers green tea in the morning");
    const unrelated = e.embed("The quarterly budget meeting moved to Thursday");
    expect(cos(q, related)).toBeGreaterThan(cos(q, unrelated) + 0.15);
  });

  it("matches inflections and typos through character 3-grams", () => {
    const base = e.embed("vegetarian");
    expect(cos(base, e.embed("vegetarians"))).toBeGreaterThan(0.6);
    expect(cos(base, e.embed("vegetarain"))).toBeGreaterThan(0.15);
    expect(Math.abs(cos(base, e.embed("carnivore")))).toBeLessThan(0.1);
  });

  it("does not match synonyms (documented limitation)", () => {
    expect(cos(e.embed("car"), e.embed("automobile"))).toBeLessThan(0.2);
  });

  it("folds plurals and -ing/-ed forms", () => {
    expect(stem("teas")).toBe("tea");
    expect(stem("hobbies")).toBe("hobby");
    expect(stem("running")).toBe("run");
    expect(stem("stopped")).toBe("stop");
    expect(stem("walked")).toBe("walk");
    expect(stem("glass")).toBe("glass");
  });

  it("normalises case, accents and apostrophes", () => {
    expect(tokenize("Café DON'T  Zürich")).toEqual(["cafe", "dont", "zurich"]);
    expect(e.embed("CAFÉ")).toEqual(e.embed("cafe"));
  });

  it("gives empty and punctuation-only text a finite unit vector", () => {
    const v = e.embed("  ?! ");
    expect(cos(v, v)).toBeCloseTo(1, 10);
  });

  it("rejects impossible dimensions", () => {
    expect(() => createLocalHashV1Embedder(3)).toThrow(/dimensions/);
  });
});
