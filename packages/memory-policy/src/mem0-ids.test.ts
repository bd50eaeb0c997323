import { describe, expect, it } from "vitest";
import {
  type Mem0Ids,
  mem0IdInWorkspace,
  parseMem0Id,
  type StoredMem0Ids,
  scopeFromMem0Ids,
  toMem0Ids,
  workspaceMem0IdPrefix,
} from "./mem0-ids.js";
import type { Result } from "./result.js";
import type { Scope } from "./scope.js";

const W = "3f2a9c1e-0000-4000-8000-000000000001";

describe("toMem0Ids", () => {
  const cases: { name: string; input: Scope; expected: Mem0Ids }[] = [
    {
      name: "user",
      input: { kind: "user", workspaceId: W, userId: "42" },
      expected: { user_id: `workspace_${W}_user_42` },
    },
    {
      name: "agent",
      input: { kind: "agent", workspaceId: W, agentId: "7" },
      expected: { agent_id: `workspace_${W}_agent_7` },
    },
    {
      name: "agent-user carries both ids",
      input: { kind: "agent-user", workspaceId: W, agentId: "7", userId: "42" },
      expected: { user_id: `workspace_${W}_user_42`, agent_id: `workspace_${W}_agent_7` },
    },
    {
      name: "run",
      input: { kind: "run", workspaceId: "1", runId: "run-9" },
      expected: { run_id: "workspace_1_run_run-9" },
    },
    {
      name: "a hand-built scope with an upper-case UUID still maps to the canonical id",
      input: { kind: "user", workspaceId: W.toUpperCase(), userId: "42" },
      expected: { user_id: `workspace_${W}_user_42` },
    },
  ];
  for (const c of cases) it(c.name, () => expect(toMem0Ids(c.input)).toEqual(c.expected));

  it("refuses (throws) to map a hand-built scope that breaks the grammar: the collision example", () => {
    // Without the grammar these two tenants would share "workspace_1_user_2_user_3".
    expect(() => toMem0Ids({ kind: "user", workspaceId: "1_user_2", userId: "3" })).toThrow(
      /workspaceId must be/,
    );
    expect(() => toMem0Ids({ kind: "user", workspaceId: "1", userId: "2_user_3" })).toThrow(/userId must be/);
  });
});

describe("parseMem0Id", () => {
  const cases: { name: string; input: unknown; expected: Result<unknown> | { ok: false } }[] = [
    {
      name: "user id",
      input: `workspace_${W}_user_42`,
      expected: { ok: true, value: { workspaceId: W, kind: "user", id: "42" } },
    },
    {
      name: "agent id",
      input: "workspace_1_agent_sales-bot",
      expected: { ok: true, value: { workspaceId: "1", kind: "agent", id: "sales-bot" } },
    },
    {
      name: "run id",
      input: "workspace_1_run_9",
      expected: { ok: true, value: { workspaceId: "1", kind: "run", id: "9" } },
    },
    {
      name: "the collision string has too many parts",
      input: "workspace_1_user_2_user_3",
      expected: { ok: false },
    },
    { name: "a bare legacy id", input: "alice", expected: { ok: false } },
    { name: "unknown kind", input: "workspace_1_team_2", expected: { ok: false } },
    { name: "empty raw id", input: "workspace__user_2", expected: { ok: false } },
    {
      name: "upper-case UUID is not canonical, so not ours",
      input: `workspace_${W.toUpperCase()}_user_42`,
      expected: { ok: false },
    },
    { name: "trailing newline", input: "workspace_1_user_2\n", expected: { ok: false } },
    { name: "not a string", input: 12, expected: { ok: false } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = parseMem0Id(c.input, "user_id");
      if (c.expected.ok) return expect(result).toEqual(c.expected);
      expect(result).toMatchObject({ ok: false, error: { code: "INVALID_ID", field: "user_id" } });
      // The error never repeats the stored id (it may be another tenant's).
      if (typeof c.input === "string" && c.input.length > 0) {
        expect(JSON.stringify(result)).not.toContain(c.input.trim());
      }
    });
  }
});

describe("scopeFromMem0Ids: classification by the EXACT id tuple", () => {
  const u = `workspace_${W}_user_42`;
  const a = `workspace_${W}_agent_7`;
  const r = `workspace_${W}_run_9`;
  const cases: { name: string; input: StoredMem0Ids; expected: Scope | "INVALID_ID" }[] = [
    {
      name: "{user_id} -> user",
      input: { user_id: u },
      expected: { kind: "user", workspaceId: W, userId: "42" },
    },
    {
      name: "nulls count as absent",
      input: { user_id: u, agent_id: null, run_id: null },
      expected: { kind: "user", workspaceId: W, userId: "42" },
    },
    {
      name: "{agent_id} -> agent",
      input: { agent_id: a },
      expected: { kind: "agent", workspaceId: W, agentId: "7" },
    },
    {
      name: "{user_id, agent_id} -> agent-user, never user",
      input: { user_id: u, agent_id: a },
      expected: { kind: "agent-user", workspaceId: W, agentId: "7", userId: "42" },
    },
    { name: "{run_id} -> run", input: { run_id: r }, expected: { kind: "run", workspaceId: W, runId: "9" } },
    { name: "no ids", input: {}, expected: "INVALID_ID" },
    {
      name: "{user_id, run_id} is no scope of ours",
      input: { user_id: u, run_id: r },
      expected: "INVALID_ID",
    },
    { name: "all three ids", input: { user_id: u, agent_id: a, run_id: r }, expected: "INVALID_ID" },
    { name: "agent id in the user_id slot", input: { user_id: a }, expected: "INVALID_ID" },
    {
      name: "user and agent from different workspaces",
      input: { user_id: u, agent_id: "workspace_2_agent_7" },
      expected: "INVALID_ID",
    },
    { name: "a legacy free-form user_id", input: { user_id: "alice" }, expected: "INVALID_ID" },
    { name: "empty string is present and malformed", input: { user_id: "" }, expected: "INVALID_ID" },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = scopeFromMem0Ids(c.input);
      if (c.expected === "INVALID_ID")
        expect(result).toMatchObject({ ok: false, error: { code: "INVALID_ID" } });
      else expect(result).toEqual({ ok: true, value: c.expected });
    });
  }
});

describe("mem0IdInWorkspace", () => {
  const cases = [
    { name: "same workspace", input: [`workspace_${W}_user_1`, W], expected: true },
    {
      name: "same workspace given in upper case",
      input: [`workspace_${W}_agent_1`, W.toUpperCase()],
      expected: true,
    },
    {
      name: "prefix of another workspace id does not match",
      input: ["workspace_12_user_1", "1"],
      expected: false,
    },
    { name: "malformed entity id", input: ["workspace_1_user_2_user_3", "1"], expected: false },
  ] as const;
  for (const c of cases) it(c.name, () => expect(mem0IdInWorkspace(c.input[0], c.input[1])).toBe(c.expected));
});

describe("workspaceMem0IdPrefix", () => {
  it("is the canonical prefix of every entity id of the workspace, and of no other workspace's", () => {
    const prefix = workspaceMem0IdPrefix(W.toUpperCase());
    for (const scope of [
      { kind: "user", workspaceId: W, userId: "u1" },
      { kind: "agent-user", workspaceId: W, userId: "u1", agentId: "a1" },
      { kind: "run", workspaceId: W, runId: "r1" },
    ] as const)
      for (const id of Object.values(toMem0Ids(scope))) expect(id.startsWith(prefix)).toBe(true);
    expect("workspace_12_user_1".startsWith(workspaceMem0IdPrefix("1"))).toBe(false);
  });

  it("throws on a workspace id outside the grammar", () => {
    expect(() => workspaceMem0IdPrefix("a_b")).toThrow(TypeError);
  });
});
