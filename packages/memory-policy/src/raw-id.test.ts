import { describe, expect, it } from "vitest";
import { canonicalRawId, isCanonicalRawId, parseRawId, RAW_ID_PATTERN } from "./raw-id.js";

const UUID = "3f2a9c1e-0000-4000-8000-000000000001";

describe("parseRawId: the raw id grammar", () => {
  const cases: { name: string; input: unknown; expected: { ok: true; value: string } | { ok: false } }[] = [
    { name: "accepts a lower-case UUID unchanged", input: UUID, expected: { ok: true, value: UUID } },
    {
      name: "lower-cases an upper-case UUID (same workspace, same mem0 id)",
      input: UUID.toUpperCase(),
      expected: { ok: true, value: UUID },
    },
    {
      name: "lower-cases a mixed-case UUID",
      input: "3F2a9C1e-0000-4000-8000-00000000000A",
      expected: { ok: true, value: "3f2a9c1e-0000-4000-8000-00000000000a" },
    },
    { name: "accepts an integer", input: "42", expected: { ok: true, value: "42" } },
    {
      name: "keeps leading zeros (an id is a string, not a number)",
      input: "007",
      expected: { ok: true, value: "007" },
    },
    {
      name: "accepts a slug with hyphens",
      input: "sales-bot-2",
      expected: { ok: true, value: "sales-bot-2" },
    },
    {
      name: "keeps the case of a non-UUID slug (case-sensitive)",
      input: "SalesBot",
      expected: { ok: true, value: "SalesBot" },
    },
    {
      name: "accepts exactly 64 characters",
      input: "a".repeat(64),
      expected: { ok: true, value: "a".repeat(64) },
    },
    { name: "rejects 65 characters", input: "a".repeat(65), expected: { ok: false } },
    { name: "rejects the empty string", input: "", expected: { ok: false } },
    { name: "rejects an underscore (the mem0 id separator)", input: "1_user_2", expected: { ok: false } },
    { name: "rejects a lone underscore", input: "_", expected: { ok: false } },
    { name: "rejects whitespace (mem0 rejects it too)", input: "a b", expected: { ok: false } },
    { name: "rejects a trailing newline", input: "abc\n", expected: { ok: false } },
    { name: "rejects a dot", input: "a.b", expected: { ok: false } },
    { name: "rejects a slash", input: "a/b", expected: { ok: false } },
    { name: "rejects a non-ASCII letter", input: "caf\u00e9", expected: { ok: false } },
    { name: "rejects a number (ids are strings)", input: 42, expected: { ok: false } },
    { name: "rejects undefined", input: undefined, expected: { ok: false } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = parseRawId("userId", c.input);
      if (c.expected.ok) {
        expect(result).toEqual({ ok: true, value: c.expected.value });
      } else {
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.error.code).toBe("INVALID_ID");
        expect(result.error.field).toBe("userId");
        expect(result.error.message.startsWith("userId ")).toBe(true);
      }
    });
  }

  it("names the rule and never echoes the rejected value", () => {
    const result = parseRawId("workspaceId", "secret_tenant_value");
    expect(result).toEqual({
      ok: false,
      error: {
        code: "INVALID_ID",
        field: "workspaceId",
        message:
          "workspaceId must be 1-64 characters of letters, digits or hyphens (pattern ^[A-Za-z0-9-]{1,64}$; no underscore)",
      },
    });
    expect(JSON.stringify(result)).not.toContain("secret");
  });

  it("says 'is required' for a missing id", () => {
    expect(parseRawId("runId", undefined)).toMatchObject({
      ok: false,
      error: { message: "runId is required" },
    });
  });
});

describe("canonical form", () => {
  const cases = [
    { name: "UUID upper -> lower", input: UUID.toUpperCase(), expected: UUID },
    {
      name: "UUID-length hex without hyphens is not a UUID: unchanged",
      input: "ABCDEF".repeat(6),
      expected: "ABCDEF".repeat(6),
    },
    { name: "slug unchanged", input: "Agent-X", expected: "Agent-X" },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(RAW_ID_PATTERN.test(c.input)).toBe(true);
      expect(canonicalRawId(c.input)).toBe(c.expected);
      expect(isCanonicalRawId(c.expected)).toBe(true);
    });
  }
  it("an upper-case UUID is not canonical (stored mem0 ids must be)", () => {
    expect(isCanonicalRawId(UUID.toUpperCase())).toBe(false);
  });
});
