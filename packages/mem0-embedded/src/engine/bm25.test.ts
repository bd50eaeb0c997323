import { describe, expect, it } from "vitest";
import { anyLexemeQuery, bm25Scores, parseTsvector } from "./bm25.js";

describe("parseTsvector", () => {
  it("reads lexemes, term frequencies and quoted apostrophes", () => {
    const doc = parseTsvector("a", "'5':12 'it''s':2 'kenta':1 'run':4,11A");
    expect([...doc.terms]).toEqual([
      ["5", 1],
      ["it's", 1],
      ["kenta", 1],
      ["run", 2],
    ]);
    expect(doc.length).toBe(4);
  });

  it("counts a lexeme without positions once", () => {
    expect(parseTsvector("a", "'pegasus'").terms.get("pegasus")).toBe(1);
  });
});

describe("anyLexemeQuery", () => {
  it("ORs quoted lexemes and escapes quotes", () => {
    expect(anyLexemeQuery(["run", "it's"])).toBe("'run' | 'it''s'");
  });
});

describe("bm25Scores", () => {
  const docs = [
    parseTsvector("rare", "'allerg':1 'peanut':3"),
    parseTsvector("common", "'like':1 'peanut':2 'butter':3"),
    parseTsvector("none", "'weather':1"),
  ];

  it("weighs a rare lexeme above a common one and scores non-matching docs nothing", () => {
    const scores = bm25Scores(["allerg", "peanut"], docs, { documents: 100, averageLength: 3 });
    expect(scores.get("rare")).toBeGreaterThan(scores.get("common") ?? 0);
    expect(scores.get("common")).toBeGreaterThan(0);
    expect(scores.has("none")).toBe(false);
  });

  it("gives a lexeme in every document of the scope almost no weight", () => {
    const all = [parseTsvector("x", "'kenta':1 'run':2"), parseTsvector("y", "'kenta':1 'swim':2")];
    const scores = bm25Scores(["kenta", "run"], all, { documents: 2, averageLength: 2 });
    expect(scores.get("x")).toBeGreaterThan(3 * (scores.get("y") ?? 0));
  });

  it("counts the candidates themselves when the scope statistics are stale", () => {
    const scores = bm25Scores(["peanut"], docs, { documents: 0, averageLength: 0 });
    expect(scores.get("rare")).toBeGreaterThan(0);
  });
});
