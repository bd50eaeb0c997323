import { describe, expect, it } from "vitest";
import { restartBackoff } from "./restart-backoff.js";

describe("restartBackoff", () => {
  it("doubles from the initial delay and stays under the cap", () => {
    const top = restartBackoff(250, 2_000, () => 1);
    expect([top.next(), top.next(), top.next(), top.next(), top.next(), top.next()]).toEqual([
      250, 500, 1_000, 2_000, 2_000, 2_000,
    ]);
    const bottom = restartBackoff(250, 2_000, () => 0);
    expect([bottom.next(), bottom.next(), bottom.next()]).toEqual([125, 250, 500]);
  });

  it("starts over after reset", () => {
    const b = restartBackoff(100, 10_000, () => 1);
    b.next();
    b.next();
    b.reset();
    expect(b.next()).toBe(100);
  });
});
