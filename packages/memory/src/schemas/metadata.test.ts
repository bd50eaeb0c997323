import { describe, expect, it } from "vitest";
import { filtersSchema, metadataSchema } from "./metadata.js";

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
  // JSON.parse keeps "__proto__" as an own key (what an HTTP body carries); it must be refused, not dropped.
  {
    name: "own __proto__ key",
    input: JSON.parse('{"a":1,"__proto__":{"x":1}}'),
    ok: false,
    path: "__proto__",
  },
  {
    name: "own __proto__ key, primitive",
    input: JSON.parse('{"__proto__":"x"}'),
    ok: false,
    path: "__proto__",
  },
  { name: "own __proto__ key, null", input: JSON.parse('{"__proto__":null}'), ok: false, path: "__proto__" },
  {
    name: "nested __proto__",
    input: JSON.parse('{"a":{"b":{"__proto__":1}}}'),
    ok: false,
    path: "a.b.__proto__",
  },
  {
    name: "__proto__ in an array item",
    input: JSON.parse('{"a":[{"__proto__":{}}]}'),
    ok: false,
    path: "a.0.__proto__",
  },
  { name: "constructor", input: { constructor: 1 }, ok: false, path: "constructor" },
  { name: "nested prototype", input: { a: { prototype: {} } }, ok: false, path: "a.prototype" },
];

describe("metadataSchema", () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = metadataSchema.safeParse(c.input);
      expect(r.success).toBe(c.ok);
      if (!r.success && c.path !== undefined) expect(r.error.issues[0]?.path.join(".")).toBe(c.path);
    });
  }

  it("says why a prototype key is refused", () => {
    const r = metadataSchema.safeParse(JSON.parse('{"__proto__":{"isAdmin":true}}'));
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe(
      "is a JavaScript prototype key (__proto__, constructor, prototype): refused",
    );
  });
});

describe("filtersSchema", () => {
  it("refuses an own __proto__, constructor or prototype key instead of dropping it", () => {
    for (const [raw, path] of [
      ['{"topic":"tea","__proto__":"x"}', "__proto__"],
      ['{"constructor":"x"}', "constructor"],
      ['{"prototype":1}', "prototype"],
    ] as const) {
      const r = filtersSchema.safeParse(JSON.parse(raw));
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.path.join(".")).toBe(path);
    }
    expect(filtersSchema.safeParse({ topic: "tea" }).success).toBe(true);
  });
});
