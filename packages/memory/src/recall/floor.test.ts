import { contentStems, sharesStem } from "@automatos/text";
import { describe, expect, it } from "vitest";
import { applyRelevanceFloor, DEFAULT_FLOOR, type FloorRules } from "./floor.js";

type Item = { id: string; score: number; text: string };
// The lexical-evidence rule is off by default (a sentence model's scores carry the evidence, and the embedded
// engine's threshold already asks a weak candidate for a word match); these cases switch it on.
const LEXICAL: FloorRules = { minScore: 0.1, strongScore: 0.3, relativeToBest: 0.3 };
const ids = (xs: Item[]) => xs.map((x) => x.id);

const cases: {
  name: string;
  query: string;
  items: [number, string][];
  rules?: FloorRules;
  kept: string[];
}[] = [
  { name: "nothing in, nothing out", query: "my flight?", items: [], kept: [] },
  {
    name: "weak but lexically related hit is kept",
    query: "do I have any allergies?",
    items: [[0.109, "I am allergic to peanuts"]],
    rules: LEXICAL,
    kept: ["m0"],
  },
  {
    name: "weak unrelated hit is dropped (the 'saying randomly' case)",
    query: "what's the weather like on Mars?",
    items: [[0.11, "My name is Alice"]],
    rules: LEXICAL,
    kept: [],
  },
  {
    name: "strong hit passes without lexical overlap (paraphrase from a semantic embedder)",
    query: "do I have pets?",
    items: [[0.45, "I have a dog named Rex"]],
    rules: LEXICAL,
    kept: ["m0"],
  },
  {
    name: "below the absolute floor even with overlap",
    query: "when is my flight?",
    items: [[0.09, "flight booked"]],
    rules: LEXICAL,
    kept: [],
  },
  {
    name: "relative floor drops the tail of a strong match",
    query: "what is my name and my flight?",
    items: [
      [0.9, "My name is Alice"],
      [0.25, "My flight is on Friday"],
      [0.5, "Name of my dog is Rex"],
    ],
    rules: LEXICAL,
    kept: ["m0", "m2"],
  },
  {
    name: "relative floor disabled",
    query: "my name",
    items: [
      [0.9, "My name is Alice"],
      [0.15, "name tag"],
    ],
    rules: { ...LEXICAL, relativeToBest: 0 },
    kept: ["m0", "m1"],
  },
  {
    name: "NaN and infinite scores never pass",
    query: "my name",
    items: [
      [Number.NaN, "my name"],
      [0.5, "name"],
      [Number.POSITIVE_INFINITY, "name"],
    ],
    rules: LEXICAL,
    kept: ["m1"],
  },
  {
    name: "defaults: a paraphrase without a shared word is kept on its score",
    query: "What is my spouse's profession?",
    items: [
      [0.62, "My wife Ada works as a paediatrician."],
      [0.2, "My neighbour plays the cello."],
    ],
    rules: DEFAULT_FLOOR,
    kept: ["m0"],
  },
  {
    name: "defaults: the tail under half of the best score is dropped",
    query: "where does my sister live?",
    items: [
      [0.9, "My sister Priya moved to Glasgow last spring."],
      [0.5, "My sister's birthday is in May."],
      [0.4, "I usually make porridge for breakfast."],
    ],
    rules: DEFAULT_FLOOR,
    kept: ["m0", "m1"],
  },
  {
    name: "a query of stop words only needs strong scores",
    query: "what is it?",
    items: [[0.2, "it is what it is"]],
    rules: LEXICAL,
    kept: [],
  },
];

describe("applyRelevanceFloor", () => {
  for (const c of cases) {
    it(c.name, () => {
      const items = c.items.map(([score, text], i) => ({ id: `m${i}`, score, text }));
      const out = applyRelevanceFloor(items, c.query, c.rules);
      expect(ids(out.kept)).toEqual(c.kept);
      expect(out.kept.length + out.dropped.length).toBe(items.length);
    });
  }
});

describe("lexical overlap", () => {
  const cases: { query: string; memory: string; expected: boolean }[] = [
    { query: "allergies?", memory: "allergic to peanuts", expected: true },
    { query: "where do I work?", memory: "Works as a nurse in Porto", expected: true },
    { query: "my colours", memory: "favourite colour is blue", expected: true },
    { query: "tell me what you remember", memory: "I remember everything", expected: false },
    { query: "car", memory: "I care a lot", expected: false },
    { query: "", memory: "anything", expected: false },
  ];
  for (const c of cases) {
    it(`${JSON.stringify(c.query)} ~ ${JSON.stringify(c.memory)} -> ${c.expected}`, () => {
      expect(sharesStem(contentStems(c.query), contentStems(c.memory))).toBe(c.expected);
    });
  }
});
