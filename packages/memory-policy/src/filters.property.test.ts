import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { composeFilters } from "./filters.js";
import { toMem0Ids } from "./mem0-ids.js";
import { scopeArb } from "./test-arbitraries.js";

/** mem0's in-process store semantics (see docs/mem0-contract.md §3.7): flat object, === per key, ANDed. */
function matches(payload: Record<string, unknown>, filters: Record<string, unknown>): boolean {
  return Object.entries(filters).every(([key, value]) => value === "*" || payload[key] === value);
}

describe("filter composition can only narrow (property-based)", () => {
  // Weighted towards acceptable entries so that many composed filters actually carry client conditions.
  const key = fc.oneof(
    { arbitrary: fc.constantFrom("topic", "source", "extra"), weight: 8 },
    { arbitrary: fc.constantFrom("user_id", "agent_id", "run_id", "OR", "userId"), weight: 1 },
    { arbitrary: fc.string({ maxLength: 8 }), weight: 1 },
  );
  const value = fc.oneof(
    { arbitrary: fc.constantFrom("a", "b", "", "chat"), weight: 6 },
    { arbitrary: fc.oneof(fc.integer({ min: -2, max: 2 }), fc.boolean()), weight: 3 },
    { arbitrary: fc.constantFrom("*", null, { ne: "x" }, ["a"]), weight: 1 },
  );
  const clientFilters = fc.dictionary(key, value, { maxKeys: 4 });
  const payload = fc.record({
    topic: fc.constantFrom("a", "b", ""),
    source: fc.constantFrom("chat", "x"),
    extra: fc.integer(),
  });

  it("whatever the client sends, the result keeps the scope ids verbatim and matches a subset", () => {
    fc.assert(
      fc.property(scopeArb, scopeArb, clientFilters, payload, (mine, other, client, meta) => {
        const scopeOnly: Record<string, unknown> = { ...toMem0Ids(mine) };
        const result = composeFilters(mine, client);
        if (!result.ok) {
          expect(result.error.code).toBe("INVALID_FILTER");
          return;
        }
        for (const [k, v] of Object.entries(scopeOnly)) expect(result.value[k]).toBe(v);
        for (const [k, v] of Object.entries(result.value)) {
          if (!(k in scopeOnly)) expect(["string", "number", "boolean"]).toContain(typeof v);
        }
        // A memory of any scope (mine or another tenant's) passes the composed filter only if it passes mine.
        for (const stored of [
          { ...meta, ...scopeOnly },
          { ...meta, ...toMem0Ids(other) },
        ]) {
          if (matches(stored, result.value)) expect(matches(stored, scopeOnly)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
