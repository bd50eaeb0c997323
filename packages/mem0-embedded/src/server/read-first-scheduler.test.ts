import { describe, expect, it } from "vitest";
import { HttpError } from "./http-error.js";
import { createReadFirstScheduler, isReadRequest } from "./read-first-scheduler.js";

function gate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}
const tick = () => new Promise((r) => setImmediate(r));

describe("createReadFirstScheduler", () => {
  it("starts a read at once while writes are queued, and runs the queued writes after", async () => {
    const s = createReadFirstScheduler({ maxWrites: 2 });
    const order: string[] = [];
    const blockers = [gate(), gate()];
    const running = blockers.map((g, i) =>
      s.write(async () => {
        order.push(`w${i} start`);
        await g.opened;
      }),
    );
    const queued = [2, 3].map((i) => s.write(async () => order.push(`w${i} start`)));
    await tick();
    expect(s.stats()).toMatchObject({ writesRunning: 2, writesWaiting: 2 });
    await s.read(async () => order.push("read"));
    expect(order).toEqual(["w0 start", "w1 start", "read"]);
    for (const g of blockers) g.open();
    await Promise.all([...running, ...queued]);
    expect(order).toEqual(["w0 start", "w1 start", "read", "w2 start", "w3 start"]);
    expect(s.stats()).toMatchObject({ writesRunning: 0, writesWaiting: 0, readsRunning: 0 });
  });

  it("lets only one write start while a read runs, so writes never starve", async () => {
    const s = createReadFirstScheduler({ maxWrites: 4 });
    const read = gate();
    const reading = s.read(() => read.opened);
    let started = 0;
    const held = gate();
    const writes = Array.from({ length: 3 }, () =>
      s.write(async () => {
        started++;
        await held.opened;
      }),
    );
    await tick();
    expect(started).toBe(1);
    held.open();
    await Promise.all(writes); // they drain one by one although the read is still running
    expect(started).toBe(3);
    read.open();
    await reading;
  });

  it("refuses a write beyond the waiting limit with 429 and Retry-After, and keeps the others", async () => {
    const s = createReadFirstScheduler({ maxWrites: 1, maxWaitingWrites: 1, retryAfterS: 2 });
    const g = gate();
    const first = s.write(() => g.opened);
    const second = s.write(async () => "second");
    await tick();
    const refused = await s.write(async () => "third").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HttpError);
    expect(refused).toMatchObject({ status: 429, headers: { "retry-after": "2" } });
    expect(s.stats().writesRefused).toBe(1);
    g.open();
    await first;
    await expect(second).resolves.toBe("second");
  });

  it("frees the slot of a write that fails", async () => {
    const s = createReadFirstScheduler({ maxWrites: 1 });
    await expect(s.write(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(s.write(async () => 1)).resolves.toBe(1);
  });

  it("refuses bad limits by name", () => {
    expect(() => createReadFirstScheduler({ maxWrites: 0 })).toThrow(/maxWrites/);
    expect(() => createReadFirstScheduler({ maxWaitingWrites: -1 })).toThrow(/maxWaitingWrites/);
  });
});

describe("isReadRequest", () => {
  it("treats GETs and POST /search as reads, everything else as writes", () => {
    expect(isReadRequest("GET", "/memories")).toBe(true);
    expect(isReadRequest("POST", "/search")).toBe(true);
    expect(isReadRequest("POST", "/memories")).toBe(false);
    expect(isReadRequest("DELETE", "/memories/{memory_id}")).toBe(false);
    expect(isReadRequest("PUT", "/memories/{memory_id}")).toBe(false);
  });
});
