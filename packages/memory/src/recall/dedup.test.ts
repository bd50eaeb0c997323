import { words } from "@automatos/text";
import { describe, expect, it } from "vitest";
import { DEFAULT_DEDUP, jaccard, relation, removeNearDuplicates } from "./dedup.js";

const m = (id: string, text: string, at: string | null = null) => ({
  id,
  text,
  createdAt: at,
  updatedAt: null,
});

describe("relation", () => {
  const cases: { name: string; a: string; b: string; expected: ReturnType<typeof relation> }[] = [
    {
      name: "identical up to case and punctuation",
      a: "User likes coffee",
      b: "user likes coffee.",
      expected: "duplicate",
    },
    {
      name: "same words, other order",
      a: "likes coffee, the user",
      b: "The user likes coffee",
      expected: "duplicate",
    },
    { name: "name changed", a: "My name is Alice", b: "My name is Bob", expected: "superseded" },
    {
      name: "city changed, longer tail",
      a: "I live in Paris",
      b: "I live in New York",
      expected: "superseded",
    },
    {
      name: "favourite colour changed",
      a: "My favourite colour is blue",
      b: "My favourite colour is now green",
      expected: "superseded",
    },
    {
      name: "two different pets are distinct facts",
      a: "I have a dog named Rex",
      b: "I have a cat named Tom",
      expected: null,
    },
    { name: "short shared prefix is not enough", a: "I like tea", b: "I like coffee", expected: null },
    { name: "unrelated", a: "Flight to Lisbon on Friday", b: "Allergic to peanuts", expected: null },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(relation(words(c.a), words(c.b), DEFAULT_DEDUP)).toBe(c.expected);
    });
  }
});

describe("jaccard", () => {
  it("is 1 for equal sets and 0 for disjoint ones", () => {
    expect(jaccard(["a", "b"], ["b", "a", "a"])).toBe(1);
    expect(jaccard(["a"], ["b"])).toBe(0);
    expect(jaccard(["a", "b", "c"], ["a", "b", "d"])).toBeCloseTo(0.5);
  });
});

describe("removeNearDuplicates", () => {
  it("keeps distinct facts in rank order", () => {
    const out = removeNearDuplicates([m("1", "Allergic to peanuts"), m("2", "Flight to Lisbon on Friday")]);
    expect(out.kept.map((k) => k.id)).toEqual(["1", "2"]);
    expect(out.dropped).toEqual([]);
  });

  it("newest wins between contradictory memories and takes the better rank", () => {
    const out = removeNearDuplicates([
      m("old", "My name is Alice", "2024-01-01T00:00:00Z"),
      m("other", "Allergic to peanuts", "2024-01-02T00:00:00Z"),
      m("new", "My name is Bob", "2025-01-01T00:00:00Z"),
    ]);
    expect(out.kept.map((k) => k.id)).toEqual(["new", "other"]);
    expect(out.dropped).toEqual([
      { item: expect.objectContaining({ id: "old" }), reason: "superseded", keptId: "new" },
    ]);
  });

  it("an older lower-ranked duplicate is dropped", () => {
    const out = removeNearDuplicates([
      m("a", "User likes coffee", "2025-01-02T00:00:00Z"),
      m("b", "user likes coffee!", "2025-01-01T00:00:00Z"),
    ]);
    expect(out.kept.map((k) => k.id)).toEqual(["a"]);
    expect(out.dropped[0]).toMatchObject({ reason: "duplicate", keptId: "a" });
  });

  it("updatedAt counts over createdAt; missing dates lose to dated ones; ties keep the better rank", () => {
    const updated = {
      ...m("u", "My name is Carol", "2020-01-01T00:00:00Z"),
      updatedAt: "2026-01-01T00:00:00Z",
    };
    const out = removeNearDuplicates([
      m("x", "My name is Alice"),
      m("y", "My name is Bob", "2025-01-01T00:00:00Z"),
      updated,
    ]);
    expect(out.kept.map((k) => k.id)).toEqual(["u"]);
    const tie = removeNearDuplicates([m("p", "same text here"), m("q", "same text here")]);
    expect(tie.kept.map((k) => k.id)).toEqual(["p"]);
  });
});
