import { describe, expect, it } from "vitest";
import { dedupeKey, isGreeting, isTooShort, normaliseText } from "./text-rules.js";

describe("text rules", () => {
  it.each(["hi", "Hello!", "  THANKS  ", "thank you :)", "👋 hey", "ok", "Good morning."])(
    "%s is a greeting",
    (s) => expect(isGreeting(s)).toBe(true),
  );
  it.each(["hi, my name is Ana", "thanks for booking the 3pm slot", "okay so the oven is broken"])(
    "%s is not a greeting",
    (s) => expect(isGreeting(s)).toBe(false),
  );
  it("judges length on the normalised text", () => {
    expect(isTooShort("  yes   pls  ")).toBe(true);
    expect(isTooShort("Call me Al")).toBe(false);
  });
  it("dedupe keys ignore case and spacing but not the scope or the words", () => {
    const k = dedupeKey("s1", ["I like  Tea", "ok"]);
    expect(dedupeKey("s1", [" i like tea ", "OK"])).toBe(k);
    expect(dedupeKey("s2", ["I like Tea", "ok"])).not.toBe(k);
    expect(dedupeKey("s1", ["I like Coffee", "ok"])).not.toBe(k);
    // Message boundaries count: ["a b", "c"] is not ["a", "b c"].
    expect(dedupeKey("s1", ["a b", "c"])).not.toBe(dedupeKey("s1", ["a", "b c"]));
    expect(normaliseText("Ｆｕｌｌ　width")).toBe("full width");
  });
});
