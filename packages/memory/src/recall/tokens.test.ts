import { countTokens as countO200k } from "gpt-tokenizer/encoding/o200k_base";
import { describe, expect, it } from "vitest";
import { countTokens, TOKEN_MEMO_ENTRIES, TOKEN_MEMO_MAX_CHARS } from "./tokens.js";

const plain = (text: string) => countO200k(text, { disallowedSpecial: new Set<string>() });

describe("countTokens", () => {
  it("counts special-token text as plain text instead of throwing", () => {
    expect(countTokens("<|endoftext|>")).toBe(plain("<|endoftext|>"));
    expect(countTokens("<|endoftext|>")).toBeGreaterThan(1);
  });

  it("gives the tokenizer's count for every text, also once the memo has filled and started afresh", () => {
    const texts = Array.from(
      { length: TOKEN_MEMO_ENTRIES + 500 },
      (_, i) => `[${i % 7}] (user, 2025-01-02) "memory ${i} about ${i % 2 ? "tea" : "coffee"}"\n`,
    );
    // Asked twice: a stale or mixed-up memo entry would show on the second pass.
    for (const text of [...texts, ...texts]) expect(countTokens(text)).toBe(plain(text));
  });

  it("counts texts longer than the memo takes", () => {
    const long = "the user likes green tea in the morning. ".repeat(Math.ceil(TOKEN_MEMO_MAX_CHARS / 20));
    expect(long.length).toBeGreaterThan(TOKEN_MEMO_MAX_CHARS);
    expect(countTokens(long)).toBe(plain(long));
    expect(countTokens(long)).toBe(plain(long));
  });
});
