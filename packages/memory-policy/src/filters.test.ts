import { describe, expect, it } from "vitest";
import { composeFilters } from "./filters.js";
import type { Result } from "./result.js";
import type { Scope } from "./scope.js";

const W = "3f2a9c1e-0000-4000-8000-000000000001";
const scope: Scope = { kind: "user", workspaceId: W, userId: "42" };
const U = `workspace_${W}_user_42`;

const invalid = (field: string): { code: "INVALID_FILTER"; field: string } => ({
  code: "INVALID_FILTER",
  field,
});

describe("composeFilters", () => {
  const cases: {
    name: string;
    input: [Scope, unknown];
    expected: Result<Record<string, unknown>> | { ok: false; error: { code: string; field: string } };
  }[] = [
    {
      name: "no client filters: the scope ids only",
      input: [scope, undefined],
      expected: { ok: true, value: { user_id: U } },
    },
    { name: "null means none", input: [scope, null], expected: { ok: true, value: { user_id: U } } },
    {
      name: "metadata equality is ANDed onto the scope",
      input: [scope, { topic: "food", importance: 3, pinned: true }],
      expected: { ok: true, value: { topic: "food", importance: 3, pinned: true, user_id: U } },
    },
    {
      name: "agent-user scope carries both ids",
      input: [{ kind: "agent-user", workspaceId: W, agentId: "7", userId: "42" }, { source: "chat" }],
      expected: { ok: true, value: { source: "chat", user_id: U, agent_id: `workspace_${W}_agent_7` } },
    },
    {
      name: "user_id is reserved",
      input: [scope, { user_id: "workspace_1_user_1" }],
      expected: { ok: false, error: invalid("filters.user_id") },
    },
    {
      name: "agent_id is reserved",
      input: [scope, { agent_id: "x" }],
      expected: { ok: false, error: invalid("filters.agent_id") },
    },
    {
      name: "run_id is reserved",
      input: [scope, { run_id: "x" }],
      expected: { ok: false, error: invalid("filters.run_id") },
    },
    {
      name: "actor_id is reserved",
      input: [scope, { actor_id: "x" }],
      expected: { ok: false, error: invalid("filters.actor_id") },
    },
    {
      name: "camelCase userId is reserved too",
      input: [scope, { userId: "x" }],
      expected: { ok: false, error: invalid("filters.userId") },
    },
    {
      name: "session_id (platform run_id) is reserved",
      input: [scope, { session_id: "x" }],
      expected: { ok: false, error: invalid("filters.session_id") },
    },
    {
      name: "OR could add a foreign scope",
      input: [scope, { OR: [{ user_id: "x" }] }],
      expected: { ok: false, error: invalid("filters.OR") },
    },
    { name: "AND", input: [scope, { AND: [] }], expected: { ok: false, error: invalid("filters.AND") } },
    {
      name: "NOT could invert the scope",
      input: [scope, { NOT: [{ topic: "x" }] }],
      expected: { ok: false, error: invalid("filters.NOT") },
    },
    {
      name: "lower-case 'or' as well",
      input: [scope, { or: "x" }],
      expected: { ok: false, error: invalid("filters.or") },
    },
    {
      name: "operator object",
      input: [scope, { topic: { ne: "food" } }],
      expected: { ok: false, error: invalid("filters.topic") },
    },
    {
      name: "array (an implicit 'in')",
      input: [scope, { topic: ["a", "b"] }],
      expected: { ok: false, error: invalid("filters.topic") },
    },
    {
      name: "'*' wildcard",
      input: [scope, { topic: "*" }],
      expected: { ok: false, error: invalid("filters.topic") },
    },
    {
      name: "' * ' wildcard with spaces",
      input: [scope, { topic: " * " }],
      expected: { ok: false, error: invalid("filters.topic") },
    },
    {
      name: "null value",
      input: [scope, { topic: null }],
      expected: { ok: false, error: invalid("filters.topic") },
    },
    {
      name: "NaN",
      input: [scope, { score: Number.NaN }],
      expected: { ok: false, error: invalid("filters.score") },
    },
    {
      name: "$-prefixed key",
      input: [scope, { $or: "x" }],
      expected: { ok: false, error: invalid("filters.$or") },
    },
    {
      name: "__proto__ key (JSON input)",
      input: [scope, JSON.parse('{"__proto__": "x"}')],
      expected: { ok: false, error: invalid("filters.__proto__") },
    },
    {
      name: "value too long",
      input: [scope, { topic: "x".repeat(257) }],
      expected: { ok: false, error: invalid("filters.topic") },
    },
    {
      name: "not an object",
      input: [scope, "topic=food"],
      expected: { ok: false, error: invalid("filters") },
    },
    {
      name: "an array",
      input: [scope, [["topic", "food"]]],
      expected: { ok: false, error: invalid("filters") },
    },
    {
      name: "too many keys",
      input: [scope, Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, i]))],
      expected: { ok: false, error: invalid("filters") },
    },
    {
      name: "an invalid scope is refused, not mapped",
      input: [{ kind: "user", workspaceId: "1_user_2", userId: "3" }, undefined],
      expected: { ok: false, error: { code: "INVALID_ID", field: "scope" } },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = composeFilters(...c.input);
      if (c.expected.ok) expect(result).toEqual(c.expected);
      else expect(result).toMatchObject(c.expected);
    });
  }

  it("the error names the key and the rule", () => {
    expect(composeFilters(scope, { user_id: "workspace_1_user_1" })).toEqual({
      ok: false,
      error: {
        code: "INVALID_FILTER",
        field: "filters.user_id",
        message:
          'filter key "user_id" is reserved: scope ids and logical operators come from the policy, not the client',
      },
    });
  });
});
