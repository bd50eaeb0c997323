import { describe, expect, it } from "vitest";
import { bm25Scores, parseTsvector } from "./bm25.js";
import { ScopeLexicon } from "./scope-lexicon.js";

const docs = [
  parseTsvector("a", "'allerg':1 'peanut':3"),
  parseTsvector("b", "'like':1 'peanut':2 'butter':3"),
  parseTsvector("c", "'like':1 'tea':2"),
  parseTsvector("d", "'walk':1 'dog':2,5"),
];

function lexiconOf(...rows: typeof docs): ScopeLexicon {
  const lexicon = new ScopeLexicon();
  for (const d of rows) lexicon.put(d);
  return lexicon;
}

describe("ScopeLexicon", () => {
  it("scores BM25 exactly as bm25Scores does over every scope row holding a query lexeme", () => {
    const lexicon = lexiconOf(...docs);
    const query = ["peanut", "like", "unknown"];
    const holders = docs.filter((d) => query.some((q) => d.terms.has(q)));
    expect(lexicon.scores(query)).toEqual(
      bm25Scores(query, holders, { documents: 4, averageLength: (2 + 3 + 2 + 2) / 4 }),
    );
    expect(lexicon.stats()).toEqual({ documents: 4, averageLength: 2.25 });
    expect([...lexicon.scores(["unknown"])]).toEqual([]);
  });

  it("drops a written row's old lexemes and holds it pending until a read settles it", () => {
    const lexicon = lexiconOf(...docs);
    lexicon.noteWritten("a");
    expect(lexicon.scores(["allerg"]).has("a")).toBe(false);
    expect(lexicon.stats().documents).toBe(3);
    const asked = lexicon.pending();
    expect([...asked.keys()]).toEqual(["a"]);
    lexicon.settle(asked, [parseTsvector("a", "'shellfish':1 'allerg':2")]);
    expect(lexicon.pending().size).toBe(0);
    expect(lexicon.scores(["shellfish"]).has("a")).toBe(true);
    expect(lexicon.scores(["peanut"]).has("a")).toBe(false);
    expect(lexicon.stats().documents).toBe(4);
  });

  it("keeps a row pending when it is written again while its read runs, and reads it next time", () => {
    const lexicon = lexiconOf(...docs);
    lexicon.noteWritten("c");
    const asked = lexicon.pending();
    lexicon.noteWritten("c"); // a second update lands while the first read is in flight
    lexicon.settle(asked, [parseTsvector("c", "'like':1 'tea':2")]);
    expect(lexicon.scores(["tea"]).has("c")).toBe(false);
    const again = lexicon.pending();
    expect([...again.keys()]).toEqual(["c"]);
    lexicon.settle(again, [parseTsvector("c", "'like':1 'coffe':2")]);
    expect(lexicon.scores(["coffe"]).has("c")).toBe(true);
  });

  it("forgets a removed row, and a pending row the table no longer holds", () => {
    const lexicon = lexiconOf(...docs);
    lexicon.remove("d");
    expect(lexicon.scores(["dog"]).size).toBe(0);
    lexicon.noteWritten("e");
    lexicon.settle(lexicon.pending(), []);
    expect(lexicon.pending().size).toBe(0);
    expect(lexicon.stats()).toEqual({ documents: 3, averageLength: 7 / 3 });
  });
});
