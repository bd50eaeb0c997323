import { describe, expect, it } from "vitest";
import { type ForgetPlan, planForget } from "./forget.js";
import { mem0IdInWorkspace } from "./mem0-ids.js";
import type { Principal } from "./principal.js";
import type { PolicyError } from "./result.js";

const W = "3f2a9c1e-0000-4000-8000-000000000001";
const admin: Principal = { app: "admin", workspaceId: "00000000-0000-0000-0000-000000000000", userId: "1" };

describe("planForget", () => {
  const cases: { name: string; input: [Principal, unknown]; expected: ForgetPlan | Partial<PolicyError> }[] =
    [
      {
        name: "admin forgets a user: one deleteAll on the user's user_id (covers agent-user memories too)",
        input: [admin, { kind: "user", workspaceId: W, userId: "42" }],
        expected: {
          kind: "user",
          workspaceId: W,
          userId: "42",
          deleteAll: [{ user_id: `workspace_${W}_user_42` }],
        },
      },
      {
        name: "admin forgets a workspace: entity prefix, UUID canonicalised",
        input: [admin, { kind: "workspace", workspaceId: W.toUpperCase() }],
        expected: { kind: "workspace", workspaceId: W, entityPrefix: `workspace_${W}_` },
      },
      ...(["chatbot", "agents", "workflows"] as const).flatMap((app) =>
        (["user", "workspace"] as const).map((kind) => ({
          name: `${app} may not forget a whole ${kind}`,
          input: [
            { app, workspaceId: W, userId: "42" },
            { kind, workspaceId: W, userId: "42" },
          ] as [Principal, unknown],
          expected: {
            code: "FORBIDDEN_SCOPE" as const,
            field: "target",
            message: `app "${app}" may not forget whole users or workspaces`,
          },
        })),
      ),
      {
        name: "target id breaking the grammar",
        input: [admin, { kind: "user", workspaceId: "1_user_2", userId: "3" }],
        expected: { code: "INVALID_ID", field: "target.workspaceId" },
      },
      {
        name: "user target without userId",
        input: [admin, { kind: "user", workspaceId: W }],
        expected: { code: "INVALID_TARGET", field: "target.userId", message: "target.userId is required" },
      },
      {
        name: "unknown target kind",
        input: [admin, { kind: "agent", workspaceId: W, agentId: "7" }],
        expected: { code: "INVALID_TARGET", field: "target.kind" },
      },
      {
        name: "extra key in the target",
        input: [admin, { kind: "workspace", workspaceId: W, userId: "42" }],
        expected: {
          code: "INVALID_TARGET",
          field: "target.userId",
          message: "target.userId is not a target field",
        },
      },
      {
        name: "not an object",
        input: [admin, "everything"],
        expected: { code: "INVALID_TARGET", field: "target" },
      },
      {
        name: "a non-operator is refused before its target is even read",
        input: [{ app: "chatbot", workspaceId: W, userId: "42" }, "everything"],
        expected: { code: "FORBIDDEN_SCOPE", field: "target" },
      },
    ];
  for (const c of cases) {
    it(c.name, () => {
      const result = planForget(...c.input);
      if ("code" in c.expected) expect(result).toMatchObject({ ok: false, error: c.expected });
      else expect(result).toEqual({ ok: true, value: c.expected });
    });
  }

  it("the workspace prefix selects exactly that workspace's entities", () => {
    const plan = planForget(admin, { kind: "workspace", workspaceId: "1" });
    if (!plan.ok || plan.value.kind !== "workspace") throw new Error("expected a workspace plan");
    const entities = [
      "workspace_1_user_2",
      "workspace_1_agent_x",
      "workspace_12_user_2",
      "workspace_1-2_run_3",
    ];
    const { entityPrefix } = plan.value;
    expect(entities.filter((id) => id.startsWith(entityPrefix))).toEqual([
      "workspace_1_user_2",
      "workspace_1_agent_x",
    ]);
    expect(entities.filter((id) => mem0IdInWorkspace(id, "1"))).toEqual([
      "workspace_1_user_2",
      "workspace_1_agent_x",
    ]);
  });
});
