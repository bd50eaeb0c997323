import { describe, expect, it } from "vitest";
import { VerifiedTokenCache } from "./verified-cache.js";

describe("VerifiedTokenCache", () => {
  const now = 1_000_000_000_000;
  const expSec = (ms: number) => Math.floor((now + ms) / 1000);

  it("returns a verified identity until the token expires", () => {
    const cache = new VerifiedTokenCache<string>(10, 60_000);
    cache.set("t", "alice", expSec(10_000), now);
    expect(cache.get("t", now + 5_000)).toBe("alice");
    expect(cache.get("t", now + 10_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("never keeps an entry longer than maxAgeMs, whatever exp says", () => {
    const cache = new VerifiedTokenCache<string>(10, 1_000);
    cache.set("t", "alice", expSec(3_600_000), now);
    expect(cache.get("t", now + 999)).toBe("alice");
    expect(cache.get("t", now + 1_000)).toBeUndefined();
  });

  it("does not store an already expired token", () => {
    const cache = new VerifiedTokenCache<string>(10, 1_000);
    cache.set("t", "alice", expSec(-1_000), now);
    expect(cache.size).toBe(0);
  });

  it("is bounded, evicting the oldest entry", () => {
    const cache = new VerifiedTokenCache<string>(2, 60_000);
    cache.set("a", "1", expSec(60_000), now);
    cache.set("b", "2", expSec(60_000), now);
    cache.set("c", "3", expSec(60_000), now);
    expect(cache.size).toBe(2);
    expect(cache.get("a", now)).toBeUndefined();
    expect(cache.get("c", now)).toBe("3");
  });
});
