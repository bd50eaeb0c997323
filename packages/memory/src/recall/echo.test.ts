import { contentStems } from "@automatos/text";
import { describe, expect, it } from "vitest";
import { isQueryEcho } from "./echo.js";
import { applyRelevanceFloor, DEFAULT_FLOOR } from "./floor.js";

const echo = (query: string, memory: string) => isQueryEcho(contentStems(query), memory);

describe("isQueryEcho", () => {
  it("recognises an earlier copy of the question, in other function words or word forms", () => {
    expect(echo("Where does my sister live?", "where does my sister live?")).toBe(true);
    expect(echo("Where does my sister live now?", "Remind me, where's my sister living?")).toBe(true);
    expect(echo("What allergies do I have?", "Do I have any allergies? ")).toBe(true);
  });

  it("keeps a question that says more than the query, and every statement", () => {
    expect(echo("Where does my sister live?", "Should I visit my sister Priya in Glasgow?")).toBe(false);
    expect(echo("Do I like coffee?", "I like coffee")).toBe(false);
    expect(echo("Do I like coffee?", "I like coffee.")).toBe(false);
  });

  it("never fires on filler-only text or a filler-only query", () => {
    expect(echo("what about it?", "what about it?")).toBe(false);
    expect(echo("my sister?", "?")).toBe(false);
  });
});

describe("relevance floor with an earlier copy of the question stored", () => {
  it("drops the echo and keeps the turn that states the fact, which the echo's score would have cut", () => {
    const items = [
      { id: "earlier-question", score: 0.92, text: "Where does my sister live again?" },
      { id: "fact", score: 0.25, text: "My sister Priya moved to Glasgow last spring." },
    ];
    const query = "Where does my sister live?";
    const withoutEchoRule = items[1]!.score >= items[0]!.score * DEFAULT_FLOOR.relativeToBest;
    expect(withoutEchoRule).toBe(false);
    const out = applyRelevanceFloor(items, query);
    expect(out.kept.map((i) => i.id)).toEqual(["fact"]);
    expect(out.dropped.map((i) => i.id)).toEqual(["earlier-question"]);
  });
});
