import { afterEach, describe, expect, it, vi } from "vitest";
import { createSchedule } from "./limits.js";

afterEach(() => {
  vi.useRealTimers();
});

describe("createSchedule", () => {
  it("never has more than `concurrency` tasks running", async () => {
    const schedule = createSchedule(3, null);
    let running = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        schedule(async () => {
          running++;
          peak = Math.max(peak, running);
          await new Promise((r) => setImmediate(r));
          running--;
        }),
      ),
    );
    expect(peak).toBe(3);
  });

  it("starts at most `rate` tasks per second", async () => {
    vi.useFakeTimers();
    const schedule = createSchedule(100, 20);
    let started = 0;
    const all = Promise.all(Array.from({ length: 60 }, () => schedule(async () => void started++)));
    await vi.advanceTimersByTimeAsync(1000);
    expect(started).toBeGreaterThanOrEqual(18);
    expect(started).toBeLessThanOrEqual(22);
    await vi.advanceTimersByTimeAsync(2000);
    await all;
    expect(started).toBe(60);
  });
});
