import { describe, expect, it } from "vitest";
import { recalledId, splitChatTurns } from "./chat-turns.js";

const ID = "f0137983-d731-46f2-97ff-ef8c9a1b03ab";
const OUTPUT = [
  "bot> [offline] From memory, this may help:",
  '  - "I\'m vegetarian and I live in Lisbon." (user, score 0.80)',
  "  recall: 1 memory used, 1 search, 76.1 ms (search 62.9 ms, post-process 12.1 ms)",
  `    [1] score 0.800 user "I'm vegetarian and I live in Lisbon." id=${ID}`,
  "  remember: queued (job ee9510e9-e96f-4fc7-9a3c-bad81e773d0d)",
  "bot> [offline] Noted (nothing to look up for this message).",
  "  recall: skipped (acknowledgement), no search, 0.9 ms",
  "  remember: skipped (trivial turn)",
  `${ID}  user  "I'm vegetarian and I live in Lisbon."`,
  "",
].join("\n");

describe("splitChatTurns", () => {
  it("cuts the chat's output into turns (reply, recall, remember) and what follows them", () => {
    const { turns, rest } = splitChatTurns(OUTPUT);
    expect(turns.map((t) => t.lines.length)).toEqual([5, 3]);
    expect(turns[1]?.text).toContain("recall: skipped (acknowledgement)");
    expect(rest).toEqual([`${ID}  user  "I'm vegetarian and I live in Lisbon."`]);
  });

  it("finds the id of a recalled memory by its exact text only", () => {
    const [first] = splitChatTurns(OUTPUT).turns;
    expect(first && recalledId(first, "I'm vegetarian and I live in Lisbon.")).toBe(ID);
    expect(first && recalledId(first, "I'm vegetarian")).toBeNull();
  });
});
