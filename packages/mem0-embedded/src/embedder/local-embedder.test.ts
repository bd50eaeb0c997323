import { contentStems, words } from "@automatos/text";
import { describe, expect, it } from "vitest";
import { createConceptLexicon } from "./concept-lexicon.js";
import { BASE_CONFIG, createLexicalEmbedder } from "./lexical-embedder.js";
import { createLocalEmbedder, DEFAULT_LOCAL_DIMENSIONS, LOCAL_EMBEDDER_ID } from "./local-embedder.js";
import { loadWordIdf } from "./word-idf.js";

const cos = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);
const e = createLocalEmbedder();
const noLexicon = createLocalEmbedder({ lexicon: false });

describe("createLocalEmbedder (local-lexical-v3)", () => {
  it("is deterministic, unit-length, 1024 dims by default, under a versioned id", async () => {
    expect(e.id).toBe(LOCAL_EMBEDDER_ID);
    expect(LOCAL_EMBEDDER_ID).toBe("local-lexical-v3");
    expect(e.dimensions).toBe(DEFAULT_LOCAL_DIMENSIONS);
    const a = e.embed("My sister Priya lives in Glasgow.");
    expect(a).toHaveLength(1024);
    expect(e.embed("My sister Priya lives in Glasgow.")).toEqual(a);
    expect(Math.hypot(...a)).toBeCloseTo(1, 9);
    expect(await e.embedQuery("x y")).toEqual(e.embed("x y"));
    expect(await e.embedDocuments(["a b", "c"])).toEqual([e.embed("a b"), e.embed("c")]);
  });

  it("maps empty or symbol-only text to a finite unit vector", () => {
    for (const text of ["", "?!", "   "]) expect(Math.hypot(...e.embed(text))).toBeCloseTo(1, 9);
  });

  it("scores a memory sharing the question's words above an unrelated one", () => {
    const q = e.embed("Where does my sister live?");
    expect(cos(q, e.embed("My sister Priya lives in Glasgow."))).toBeGreaterThan(
      cos(q, e.embed("Can you recommend a thriller novel?")) + 0.2,
    );
  });

  it("folds inflections (Porter stems) and near spellings (character 3-grams)", () => {
    expect(cos(e.embed("vegetarian"), e.embed("vegetarians"))).toBeGreaterThan(0.9);
    // A misspelt word is unknown to the IDF list and shares only some 3-grams: weak, but above unrelated.
    expect(cos(e.embed("vegetarian"), e.embed("vegetarain"))).toBeGreaterThan(0.05);
    expect(Math.abs(cos(e.embed("vegetarian"), e.embed("carnivore")))).toBeLessThan(0.02);
  });

  it("normalises case, accents, possessives and contractions", () => {
    expect(words("Café DON'T Sam's Zürich")).toEqual(["cafe", "don", "sam", "zurich"]);
    expect(contentStems("I'm working at the bakery")).toEqual(["work", "bakeri"]);
    expect(e.embed("CAFÉ")).toEqual(e.embed("cafe"));
  });

  it("bridges synonyms listed in the concept lexicon, not others (documented limitation)", () => {
    const q = "What is my spouse's profession?";
    const evidence = "My wife Ada is a paediatrician at the children's hospital.";
    expect(cos(noLexicon.embed(q), noLexicon.embed(evidence))).toBeLessThan(0.05);
    expect(cos(e.embed(q), e.embed(evidence))).toBeGreaterThan(0.1);
    expect(cos(e.embed("what do I do for a living"), e.embed("I'm a nurse"))).toBeLessThan(0.05);
    expect(noLexicon.id).toBe("local-lexical-v3-no-lexicon");
  });

  it("keeps the stop words of a stop-word-only text instead of collapsing them onto one vector", () => {
    const a = e.embed("What about it?");
    expect(cos(a, e.embed("Yes, we did."))).toBeLessThan(0.5);
    expect(cos(a, e.embed("what about it"))).toBeCloseTo(1, 9);
  });

  it("rejects impossible dimensions naming the field", () => {
    expect(() => createLocalEmbedder({ dimensions: 3 })).toThrow(/dimensions/);
    expect(() => createLocalEmbedder({ dimensions: 100.5 })).toThrow(/dimensions/);
  });
});

describe("IDF weighting (SUBTLEX-US)", () => {
  const idfOnly = createLexicalEmbedder("t", {
    ...BASE_CONFIG,
    signed: true,
    stem: true,
    stopWordWeight: 0,
    idfPower: 1,
    dimensions: 1024,
  });

  it("gives rare words more weight than common ones; unknown words the maximum", () => {
    const idf = loadWordIdf();
    expect(idf.ofStem("penicillin")).toBeGreaterThan(idf.ofStem("work"));
    expect(idf.ofStem("zzzunknownzzz")).toBe(idf.max);
  });

  it("lets the rare shared word decide, not the frequent one", () => {
    const q = idfOnly.embed("Which medicine am I allergic to?");
    expect(cos(q, idfOnly.embed("I'm allergic to penicillin."))).toBeGreaterThan(
      cos(q, idfOnly.embed("Which film should I watch tonight?")),
    );
  });
});

describe("concept lexicon", () => {
  it("groups listed words under shared concepts (by stem)", () => {
    const lexicon = createConceptLexicon();
    expect(lexicon.conceptsOf("career")).toContain("occupation");
    expect(lexicon.conceptsOf("job")).toContain("occupation");
    expect(lexicon.conceptsOf("unlistedword")).toEqual([]);
  });
});
