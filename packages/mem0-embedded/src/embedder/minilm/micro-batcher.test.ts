import { describe, expect, it } from "vitest";
import { createMicroBatcher } from "./micro-batcher.js";

describe("createMicroBatcher", () => {
  it("joins the calls of one tick into batches of at most maxBatch, in order", async () => {
    const batches: number[][] = [];
    const call = createMicroBatcher(async (items: number[]) => {
      batches.push(items);
      return items.map((x) => x * 10);
    }, 3);
    const results = await Promise.all([1, 2, 3, 4, 5, 6, 7].map(call));
    expect(results).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(batches).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  });

  it("collects calls made while a batch runs into the next batch", async () => {
    const batches: string[][] = [];
    let release: () => void = () => undefined;
    const call = createMicroBatcher(async (items: string[]) => {
      batches.push(items);
      if (batches.length === 1) await new Promise<void>((r) => (release = r));
      return items;
    }, 10);
    const first = call("a");
    await new Promise((r) => setImmediate(r));
    const later = [call("b"), call("c")];
    release();
    await Promise.all([first, ...later]);
    expect(batches).toEqual([["a"], ["b", "c"]]);
  });

  it("rejects every call of a failed batch, and the next batch still runs", async () => {
    let fail = true;
    const call = createMicroBatcher(async (items: number[]) => {
      if (fail) throw new Error("model failed");
      return items;
    }, 4);
    await expect(Promise.all([call(1), call(2)])).rejects.toThrow("model failed");
    fail = false;
    await expect(call(3)).resolves.toBe(3);
  });
});
