import { describe, expect, it } from "vitest";
import { contentStems, sharesStem, stem, stemsMatch } from "./stems.js";
import { STOP_WORDS } from "./stop-words.js";

describe("contentStems", () => {
  it("drops stop words and Porter-stems the rest, in order with repeats", () => {
    expect(contentStems("I'm working at the bakery, working hard")).toEqual([
      "work",
      "bakeri",
      "work",
      "hard",
    ]);
  });

  it("drops the filler of a question about memory", () => {
    expect(contentStems("Can you tell me what you remember about my allergies?")).toEqual(["allergi"]);
  });

  it("leaves nothing of a turn made only of stop words", () => {
    expect(contentStems("What about it? Yes, we did.")).toEqual([]);
  });
});

describe("stemsMatch", () => {
  it("matches equal stems and a prefix of at least four letters", () => {
    expect(stemsMatch(stem("allergies"), stem("allergic"))).toBe(true);
    expect(stemsMatch("vegetarian", "vegetarian")).toBe(true);
  });

  it("does not match a short stem by prefix", () => {
    expect(stemsMatch("car", "care")).toBe(false);
  });

  it("sharesStem is true when any pair matches", () => {
    expect(sharesStem(contentStems("peanut allergy"), contentStems("allergic to nuts"))).toBe(true);
    expect(sharesStem(contentStems("weather on Mars"), contentStems("allergic to peanuts"))).toBe(false);
    expect(sharesStem([], contentStems("allergic to peanuts"))).toBe(false);
  });
});

describe("STOP_WORDS", () => {
  it("holds stopword's English list, contraction stumps and chat filler, all as words() spells them", () => {
    for (const w of ["the", "and", "don", "s", "remember", "tell", "get", "something"])
      expect(STOP_WORDS.has(w)).toBe(true);
    for (const w of ["allergy", "sister", "peanut"]) expect(STOP_WORDS.has(w)).toBe(false);
  });
});
