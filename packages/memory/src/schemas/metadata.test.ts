import { describe, expect, it } from "vitest";
import { metadataSchema } from "./metadata.js";

const deep = (n: number): unknown => (n === 0 ? "leaf" : { a: deep(n - 1) });

const cases: { name: string; input: unknown; ok: boolean; path?: string }[] = [
  { name: "flat JSON", input: { topic: "travel", priority: 2, pinned: true, note: null }, ok: true },
  { name: "nested within depth", input: { a: { b: ["x", 1] } }, ok: true },
  { name: "too deep", input: { a: deep(4) }, ok: false, path: "a.a.a" },
  {
    name: "a hostile deep object is refused without recursion trouble",
    input: { a: deep(5_000) },
    ok: false,
    path: "a.a.a",
  },
  { name: "reserved key (mem0 entity id)", input: { user_id: "x" }, ok: false, path: "user_id" },
  { name: "reserved key, other spelling", input: { UserId: "x" }, ok: false, path: "UserId" },
  { name: "reserved key owned by mem0's payload", input: { data: "x" }, ok: false, path: "data" },
  { name: "bad key", input: { "1abc": 1 }, ok: false, path: "1abc" },
  {
    name: "too many keys in total",
    input: Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`k${i}`, i])),
    ok: false,
  },
  { name: "string too long", input: { note: "x".repeat(1_001) }, ok: false, path: "note" },
  {
    name: "too big when serialised",
    input: Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`k${i}`, "x".repeat(1_000)])),
    ok: false,
  },
  { name: "non-finite number", input: { n: Number.POSITIVE_INFINITY }, ok: false, path: "n" },
  { name: "not JSON (a Date)", input: { when: new Date(0) }, ok: false, path: "when" },
  { name: "array too long", input: { xs: Array.from({ length: 33 }, () => 1) }, ok: false, path: "xs" },
];

describe("metadataSchema", () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = metadataSchema.safeParse(c.input);
      expect(r.success).toBe(c.ok);
      if (!r.success && c.path !== undefined) expect(r.error.issues[0]?.path.join(".")).toBe(c.path);
    });
  }
});
