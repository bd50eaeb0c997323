import { describe, expect, it } from "vitest";
import { createMem0Reachability } from "./mem0-reachability.js";

describe("createMem0Reachability", () => {
  it("goes unready only after failing longer than allowed, and ready again at the next answer", () => {
    let clock = 1_000;
    const r = createMem0Reachability({ unreachableAfterMs: 10_000, now: () => clock });
    expect(r.status()).toEqual({ reachable: true, ready: true, unreachableForMs: 0 });
    r.noteFailure();
    clock += 4_000;
    r.noteFailure(); // later failures do not move the start of the outage
    expect(r.status()).toEqual({ reachable: false, ready: true, unreachableForMs: 4_000 });
    clock += 6_001;
    expect(r.status()).toEqual({ reachable: false, ready: false, unreachableForMs: 10_001 });
    r.noteAnswer();
    expect(r.status()).toEqual({ reachable: true, ready: true, unreachableForMs: 0 });
  });

  it("counts an outage from its first failure, not from the last answer of an idle host", () => {
    let clock = 0;
    const r = createMem0Reachability({ unreachableAfterMs: 1_000, now: () => clock });
    r.noteAnswer();
    clock = 60_000; // idle for a minute, then the first failure
    r.noteFailure();
    expect(r.status()).toMatchObject({ ready: true, unreachableForMs: 0 });
  });
});
