import { describe, expect, it } from "vitest";
import { createReadPressure } from "./read-pressure.js";

function clocked() {
  let t = 10_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("createReadPressure", () => {
  it("lets the relay run at full batches while searches are fast or absent", () => {
    const clock = clocked();
    const p = createReadPressure({ targetMs: 75, now: clock.now });
    expect([p.rowsPerRound(32), p.afterRound(32)]).toEqual([32, 0]);
    for (let i = 0; i < 20; i++) p.observe(30);
    expect([p.rowsPerRound(32), p.afterRound(32)]).toEqual([32, 0]);
  });

  it("halves the window per slow burst (not per slow search), down to one row and a pause", () => {
    const clock = clocked();
    const p = createReadPressure({ targetMs: 75, now: clock.now });
    p.observe(120);
    expect(p.window()).toBe(32);
    p.observe(130); // the same burst: no second cut
    expect(p.window()).toBe(32);
    for (let i = 0; i < 6; i++) {
      clock.advance(100);
      p.observe(140);
    }
    expect(p.rowsPerRound(32)).toBe(1);
    expect(p.afterRound(1)).toBe(50);
    clock.advance(1_001);
    p.observe(20); // fast again, and the last slow one is over a second old
    expect(p.afterRound(1)).toBe(0);
    expect(p.rowsPerRound(32)).toBe(1.25);
  });

  it("grows back a quarter row per fast search, and opens fully past 64 rows", () => {
    const clock = clocked();
    const p = createReadPressure({ targetMs: 75, now: clock.now });
    p.observe(200); // 32
    for (let i = 0; i < 4; i++) p.observe(10);
    expect(p.window()).toBe(33);
    for (let i = 0; i < 124; i++) p.observe(10);
    expect(p.window()).toBe(Number.POSITIVE_INFINITY);
  });

  it("forgets the pressure after two seconds without a search", () => {
    const clock = clocked();
    const p = createReadPressure({ targetMs: 75, now: clock.now });
    for (let i = 0; i < 8; i++) {
      p.observe(500);
      clock.advance(100);
    }
    expect(p.rowsPerRound(32)).toBe(1);
    clock.advance(2_001);
    expect([p.rowsPerRound(32), p.afterRound(1)]).toEqual([32, 0]);
    p.observe(10);
    expect(p.window()).toBe(Number.POSITIVE_INFINITY);
  });

  it("refuses a target that is not a positive number, naming it", () => {
    expect(() => createReadPressure({ targetMs: 0 })).toThrow("targetMs must be positive");
  });
});
