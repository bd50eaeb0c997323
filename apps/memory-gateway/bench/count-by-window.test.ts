import { describe, expect, it } from "vitest";
import { countByWindow } from "./count-by-window.js";

describe("countByWindow", () => {
  it("counts each time in its window from the start, the tail and any early time in the edge windows", () => {
    expect(countByWindow([1_000, 9_999, 10_000, 25_000, 59_999, 61_500, -400], 0, 10_000, 60_000)).toEqual([
      3, 1, 1, 0, 0, 2,
    ]);
  });

  it("has one window per started window of the duration, all zero without times", () => {
    expect(countByWindow([], 0, 10_000, 25_000)).toEqual([0, 0, 0]);
  });
});
