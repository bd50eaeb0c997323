import { describe, expect, it } from "vitest";
import { compareKeyset, maxKeyset } from "./keyset.js";

const id = "00000000-0000-4000-8000-00000000000a";
const cases: [string, string, number][] = [
  ["-infinity", "2025-01-01 00:00:00", -1],
  ["2025-01-01 00:00:07", "2025-01-01 00:00:07.5", -1],
  ["2025-01-01 00:00:07.5", "2025-01-01 00:00:07.123", 1],
  ["2025-01-01 00:00:07.123456", "2025-01-01 00:00:07.123456", 0],
  ["2024-12-31 23:59:59.999999", "2025-01-01 00:00:00", -1],
];

describe("compareKeyset", () => {
  for (const [a, b, want] of cases) {
    it(`${a} vs ${b}`, () => expect(compareKeyset({ sortTs: a, id }, { sortTs: b, id })).toBe(want));
  }
  it("breaks timestamp ties by id, case-insensitively", () => {
    const ts = "2025-01-01 00:00:00";
    expect(compareKeyset({ sortTs: ts, id: id.toUpperCase() }, { sortTs: ts, id })).toBe(0);
    expect(compareKeyset({ sortTs: ts, id }, { sortTs: ts, id: id.replace(/a$/, "b") })).toBe(-1);
  });
  it("maxKeyset ignores nulls", () => {
    const a = { sortTs: "2025-01-01 00:00:00", id };
    const b = { sortTs: "2025-01-02 00:00:00", id };
    expect(maxKeyset([null, a, b, null])).toEqual(b);
    expect(maxKeyset([null])).toBeNull();
  });
});
