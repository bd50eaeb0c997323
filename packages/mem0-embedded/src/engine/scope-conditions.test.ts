import { describe, expect, it } from "vitest";
import { scopeConditions } from "./scope-conditions.js";

describe("scopeConditions", () => {
  it("translates plain equality filters the way mem0's pgvector store does", () => {
    const s = scopeConditions({ user_id: "u1", pinned: true, n: 3, tags: ["a", 2] }, 2);
    expect(s?.sql).toBe(
      "payload->>'n' = $2 AND payload->>'pinned' = $3 AND payload->>'tags' = ANY($4::text[]) AND payload->>'user_id' = $5",
    );
    expect(s?.params).toEqual(["3", "true", ["a", "2"], "u1"]);
  });

  it("gives the same cache key whatever the key order", () => {
    expect(scopeConditions({ a: "1", b: "2" }, 1)?.key).toBe(scopeConditions({ b: "2", a: "1" }, 1)?.key);
  });

  it("declines operators, wildcards, unsafe keys and empty filters", () => {
    for (const filters of [
      { user_id: "u", $or: [{ a: "1" }] },
      { user_id: "u", score: { gte: 3 } },
      { user_id: "u", topic: "*" },
      { "bad key": "x" },
      {},
      undefined,
    ])
      expect(scopeConditions(filters as Record<string, unknown> | undefined, 1)).toBeNull();
  });
});
