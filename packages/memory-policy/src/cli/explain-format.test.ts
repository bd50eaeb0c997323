import { describe, expect, it } from "vitest";
import { explain, formatExplanation, formatMem0Ids } from "./explain-format.js";

const W = "3f2a9c1e-0000-4000-8000-000000000001";

describe("formatMem0Ids", () => {
  const cases = [
    { name: "one id", input: { user_id: "workspace_1_user_2" }, expected: "user_id=workspace_1_user_2" },
    {
      name: "agent-user pair",
      input: { user_id: "workspace_1_user_2", agent_id: "workspace_1_agent_3" },
      expected: "user_id=workspace_1_user_2 agent_id=workspace_1_agent_3",
    },
    { name: "none", input: {}, expected: "" },
  ];
  for (const c of cases) it(c.name, () => expect(formatMem0Ids(c.input)).toBe(c.expected));
});

describe("explain + formatExplanation", () => {
  it("an agent acting for a user: every section, in order", () => {
    const e = explain({ app: "agents", workspaceId: W, userId: "42", agentId: "7" });
    if (!e.ok) throw new Error(e.error.message);
    const u = `user_id=workspace_${W}_user_42`;
    const a = `agent_id=workspace_${W}_agent_7`;
    expect(formatExplanation(e.value).split("\n")).toEqual([
      "Principal",
      "  app        agents",
      `  workspace  ${W}`,
      "  user       42",
      "  agent      7",
      "",
      "Read (3 scopes)",
      `  user        ${u}`,
      `  agent       ${a}`,
      `  agent-user  ${u} ${a}`,
      "",
      "Write (2 scopes)",
      `  agent       ${a}`,
      `  agent-user  ${u} ${a}`,
      "",
      "Not available",
      '  run (read)          app "agents" may not read scope "run"',
      '  user (write)        app "agents" may not write scope "user"',
      '  run (write)         app "agents" may not write scope "run"',
    ]);
  });

  it("a missing agentId is listed as the reason, not silently dropped", () => {
    const e = explain({ app: "agents", workspaceId: W, userId: "42" });
    if (!e.ok) throw new Error(e.error.message);
    expect(e.value.unavailable).toContainEqual({
      kind: "agent-user",
      mode: "write",
      reason: 'scope "agent-user" needs agentId in the principal',
    });
    expect(formatExplanation(e.value)).toContain("Write (0 scopes)\n  (none)");
  });

  it("admin shows its forget capability", () => {
    const e = explain({ app: "admin", workspaceId: W, userId: "1" });
    if (!e.ok) throw new Error(e.error.message);
    expect(formatExplanation(e.value)).toMatch(/Forget: whole user or workspace/);
  });

  it("an invalid principal is an error naming the field", () => {
    expect(explain({ app: "chatbot", workspaceId: W, userId: "4_2" })).toMatchObject({
      ok: false,
      error: { code: "INVALID_ID", field: "userId" },
    });
  });
});
