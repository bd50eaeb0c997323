import { describe, expect, it } from "vitest";
import { backoffDelayMs } from "./backoff.js";

const options = { baseMs: 100, maxMs: 1_000 };

describe("backoffDelayMs", () => {
  it("doubles per failure inside [ceiling/2, ceiling]", () => {
    expect(backoffDelayMs(1, options, () => 0)).toBe(50);
    expect(backoffDelayMs(1, options, () => 1)).toBe(100);
    expect(backoffDelayMs(2, options, () => 1)).toBe(200);
    expect(backoffDelayMs(3, options, () => 0.5)).toBe(300);
    expect(backoffDelayMs(4, options, () => 1)).toBe(800);
  });

  it("caps the ceiling at maxMs, even for absurd attempt counts", () => {
    expect(backoffDelayMs(5, options, () => 1)).toBe(1_000);
    expect(backoffDelayMs(10_000, options, () => 0)).toBe(500);
  });

  it("spreads jobs that failed together over the upper half of the window", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const delays = Array.from({ length: 1_000 }, () => backoffDelayMs(3, options, random));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(200);
    expect(Math.max(...delays)).toBeLessThanOrEqual(400);
    expect(new Set(delays).size).toBeGreaterThan(150);
  });
});
