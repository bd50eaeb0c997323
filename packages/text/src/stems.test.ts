import { stemmer } from "stemmer";
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

describe("stem", () => {
  it("gives Porter's stem for every word, also after the memo has filled and started afresh", () => {
    const letters = "abcdefghijklmnopqrstuvwxyz";
    // More distinct words than the memo holds, each asked twice: a stale or mixed-up entry would show.
    const many = Array.from({ length: 20_000 }, (_, i) => {
      let w = "";
      for (let n = i + 1; n > 0; n = Math.floor(n / 26)) w += letters[n % 26];
      return `${w}ings`;
    });
    for (const w of [...many, ...many]) expect(stem(w)).toBe(stemmer(w));
  });
});

describe("stemsMatch", () => {
  it("matches equal stems and a prefix of at least four letters", () => {
    expect(stemsMatch(stem("allergies"), stem("allergic"))).toBe(true);
    expect(stemsMatch("vegetarian", "vegetarian")).toBe(true);
  });

  it("does not match a short stem by prefix", () => {
    expect(stemsMatch("car", "care")).toBe(false);
    expect(stemsMatch("care", "car")).toBe(false);
  });

  it("does not depend on the order of its arguments", () => {
    for (const [a, b] of [
      ["allerg", "allergi"],
      ["walk", "walker"],
      ["run", "runner"],
      ["tea", "coffe"],
    ] as const)
      expect(stemsMatch(a, b)).toBe(stemsMatch(b, a));
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
