import { describe, expect, it } from "vitest";
import { createMem0Reachability } from "./mem0-reachability.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("createMem0Reachability", () => {
  it("goes unready only after mem0 has been silent longer than allowed, and back by itself", async () => {
    let up = true;
    const r = createMem0Reachability({
      unreachableAfterMs: 400,
      probe: async () => {
        if (!up) throw Object.assign(new Error("refused"), { kind: "unavailable" });
      },
    });
    r.start();
    try {
      await sleep(250);
      expect(r.status()).toEqual({ reachable: true, ready: true, unreachableForMs: 0, lastError: null });
      up = false;
      await sleep(250);
      const early = r.status();
      expect(early).toMatchObject({ reachable: false, ready: true, lastError: "unavailable" });
      expect(early.unreachableForMs).toBeGreaterThan(0);
      await sleep(400);
      expect(r.status()).toMatchObject({ reachable: false, ready: false });
      up = true;
      await sleep(250);
      expect(r.status()).toMatchObject({ reachable: true, ready: true, unreachableForMs: 0 });
    } finally {
      await r.stop();
    }
  });

  it("counts an answer seen elsewhere (traffic) as reachable even while probes fail", async () => {
    let clock = 0;
    const r = createMem0Reachability({
      unreachableAfterMs: 1_000,
      now: () => clock,
      probe: () => Promise.reject(new Error("probe timed out")),
    });
    clock = 5_000;
    expect(r.status().ready).toBe(false);
    r.noteAnswer();
    expect(r.status().ready).toBe(true);
  });
});
