import { describe, expect, it } from "vitest";
import { createTextVectorCache } from "./text-vector-cache.js";

const vectorOf = (text: string) => [text.length, text.charCodeAt(0), 0.5];

/** A stand-in model that records which texts it was asked to embed. */
function recordingModel() {
  const computed: string[] = [];
  return {
    computed,
    compute: async (t: string) => {
      computed.push(t);
      return vectorOf(t);
    },
  };
}

describe("text-vector cache", () => {
  it("computes a text once and answers it again as a new array with the same values", async () => {
    const cache = createTextVectorCache(8, 3);
    const { computed, compute } = recordingModel();
    const first = await cache.through("tea in the morning", compute);
    const again = await cache.through("tea in the morning", compute);
    const third = await cache.through("tea in the morning", compute);
    expect(computed).toEqual(["tea in the morning"]);
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
    expect(third).not.toBe(again);
    expect(cache.stats()).toEqual({ hits: 2, misses: 1, entries: 1, capacity: 8 });
  });

  it("drops the least recently used text beyond its capacity", async () => {
    const cache = createTextVectorCache(2, 3);
    const { computed, compute } = recordingModel();
    await cache.through("a", compute);
    await cache.through("b", compute);
    await cache.through("a", compute); // a is now the most recent
    await cache.through("c", compute); // drops b
    await cache.through("a", compute);
    await cache.through("b", compute);
    expect(computed).toEqual(["a", "b", "c", "b"]);
    expect(cache.stats().entries).toBe(2);
  });

  it("keeps nothing when off, nor a failed or wrongly sized computation", async () => {
    const off = createTextVectorCache(0, 3);
    const { computed, compute } = recordingModel();
    await off.through("x", compute);
    await off.through("x", compute);
    expect(computed).toEqual(["x", "x"]);
    expect(off.stats()).toEqual({ hits: 0, misses: 2, entries: 0, capacity: 0 });

    const cache = createTextVectorCache(4, 3);
    await expect(cache.through("y", async () => Promise.reject(new Error("worker died")))).rejects.toThrow(
      "worker died",
    );
    await cache.through("z", async () => [1, 2]);
    expect(cache.stats().entries).toBe(0);
  });

  it("refuses a capacity that is not a small non-negative integer, naming the field", () => {
    for (const bad of [-1, 1.5, Number.NaN, 2_000_000])
      expect(() => createTextVectorCache(bad, 3)).toThrow(/^cacheEntries must be an integer/);
  });
});
