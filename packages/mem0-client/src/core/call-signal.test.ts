import { describe, expect, it } from "vitest";
import { callSignal } from "./call-signal.js";

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("callSignal", () => {
  it("is no signal without a caller signal or a deadline", () => {
    const s = callSignal(undefined, undefined);
    expect(s.signal).toBeUndefined();
    expect(s.deadlineSignal).toBeUndefined();
    s.dispose();
  });

  it("is the caller's own signal when there is no deadline", () => {
    const caller = new AbortController();
    const s = callSignal(caller.signal, undefined);
    expect(s.signal).toBe(caller.signal);
    expect(s.deadlineSignal).toBeUndefined();
  });

  it("aborts at the deadline with a TimeoutError, the deadline signal saying so", async () => {
    const s = callSignal(undefined, 20);
    expect(s.signal?.aborted).toBe(false);
    await wait(60);
    expect(s.signal?.aborted).toBe(true);
    expect(s.deadlineSignal?.aborted).toBe(true);
    expect(s.signal?.reason).toMatchObject({ name: "TimeoutError" });
  });

  it("with both, the caller's abort aborts the call but not the deadline signal", () => {
    const caller = new AbortController();
    const s = callSignal(caller.signal, 10_000);
    caller.abort(new Error("user went away"));
    expect(s.signal?.aborted).toBe(true);
    expect(s.signal?.reason).toMatchObject({ message: "user went away" });
    expect(s.deadlineSignal?.aborted).toBe(false);
    s.dispose();
  });

  it("with both, the deadline aborts the call and the caller's signal is left alone", async () => {
    const caller = new AbortController();
    const s = callSignal(caller.signal, 20);
    await wait(60);
    expect(s.signal?.aborted).toBe(true);
    expect(s.deadlineSignal?.aborted).toBe(true);
    expect(caller.signal.aborted).toBe(false);
  });

  it("a caller signal aborted before the call aborts the call at once", () => {
    const caller = new AbortController();
    caller.abort();
    const s = callSignal(caller.signal, 10_000);
    expect(s.signal?.aborted).toBe(true);
    s.dispose();
  });

  it("after dispose the deadline never fires and the caller's abort no longer reaches the call", async () => {
    const caller = new AbortController();
    const s = callSignal(caller.signal, 20);
    s.dispose();
    s.dispose();
    await wait(60);
    caller.abort();
    expect(s.signal?.aborted).toBe(false);
    expect(s.deadlineSignal?.aborted).toBe(false);
  });
});
