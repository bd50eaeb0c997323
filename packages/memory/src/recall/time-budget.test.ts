import { describe, expect, it } from "vitest";
import { withTimeBudget } from "./time-budget.js";

describe("withTimeBudget", () => {
  it("passes the value through when the work finishes in time", async () => {
    await expect(withTimeBudget(1_000, async () => 42)).resolves.toEqual({ ok: true, value: 42 });
  });

  it("reports a timeout and aborts the signal when the work never ends", async () => {
    let seen: AbortSignal | undefined;
    const out = await withTimeBudget(20, (signal) => {
      seen = signal;
      return new Promise<never>(() => {});
    });
    expect(out).toEqual({ ok: false, reason: "timeout" });
    expect(seen?.aborted).toBe(true);
    expect((seen as AbortSignal).reason).toMatchObject({ name: "TimeoutError" });
  });

  it("reports errors, synchronous or not, without throwing", async () => {
    const boom = new Error("boom");
    await expect(withTimeBudget(1_000, async () => Promise.reject(boom))).resolves.toEqual({
      ok: false,
      reason: "error",
      error: boom,
    });
    await expect(
      withTimeBudget(1_000, () => {
        throw boom;
      }),
    ).resolves.toEqual({ ok: false, reason: "error", error: boom });
  });

  it("a rejection after the budget ended is handled (no unhandled rejection)", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on("unhandledRejection", onUnhandled);
    try {
      const out = await withTimeBudget(
        10,
        () => new Promise((_, reject) => setTimeout(() => reject(new Error("late")), 40)),
      );
      expect(out).toEqual({ ok: false, reason: "timeout" });
      await new Promise((r) => setTimeout(r, 80));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });

  it("follows a parent signal", async () => {
    const parent = new AbortController();
    const pending = withTimeBudget(
      5_000,
      (signal) => new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason))),
      parent.signal,
    );
    parent.abort(new Error("client went away"));
    await expect(pending).resolves.toEqual({ ok: false, reason: "aborted" });
  });
});
