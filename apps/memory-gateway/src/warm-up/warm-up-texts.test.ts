import { describe, expect, it } from "vitest";
import { warmUpTurn } from "./warm-up-texts.js";

describe("warmUpTurn", () => {
  it("gives every turn its own texts, a user message and a reply", () => {
    const turns = Array.from({ length: 200 }, (_, i) => warmUpTurn(i));
    const texts = turns.flatMap((t) => t.messages.map((m) => m.content));
    expect(new Set(texts).size).toBe(400);
    for (const t of turns) {
      expect(t.messages.map((m) => m.role)).toEqual(["user", "assistant"]);
      expect(t.messages[0]?.content).toBe(t.query);
    }
  });
});
