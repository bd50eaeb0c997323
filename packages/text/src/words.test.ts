import { describe, expect, it } from "vitest";
import { words } from "./words.js";

describe("words", () => {
  it("lower-cases, folds Latin accents and drops possessive and contraction suffixes", () => {
    expect(words("Café DON'T Sam's Zürich")).toEqual(["cafe", "don", "sam", "zurich"]);
    expect(words("I’m sure they’ve left")).toEqual(["i", "sure", "they", "left"]);
  });

  it("drops only a suffix that ends the word", () => {
    // "'sled" is not "'s" + "led": the suffix must end the word, so the apostrophe only separates.
    expect(words("the dog'sled o'clock")).toEqual(["the", "dog", "sled", "o", "clock"]);
  });

  it("treats punctuation and emoji as separators, not words", () => {
    expect(words("Thanks!! 👍")).toEqual(["thanks"]);
    expect(words("...?!")).toEqual([]);
  });

  it("keeps the words of other scripts whole", () => {
    expect(words("谢谢")).toEqual(["谢谢"]);
    expect(words("Привет, мир")).toEqual(["привет", "мир"]);
    // A Devanagari vowel sign is a combining mark: it stays inside its word.
    expect(words("नमस्ते दुनिया")).toEqual(["नमस्ते", "दुनिया"]);
  });

  it("folds full-width and compatibility forms onto their plain letters", () => {
    expect(words("ＡＢＣ ﬁle")).toEqual(["abc", "file"]);
  });
});
