import type { Scope } from "@automatos/memory-policy";
import { describe, expect, it } from "vitest";
import type { Mem0Memory } from "../ports.js";
import { planFilterScopes, scopeClassifier } from "./classify.js";

const user: Scope = { kind: "user", workspaceId: "w1", userId: "alice" };
const agent: Scope = { kind: "agent", workspaceId: "w1", agentId: "planner" };
const agentUser: Scope = { kind: "agent-user", workspaceId: "w1", agentId: "planner", userId: "alice" };
const run: Scope = { kind: "run", workspaceId: "w1", runId: "r1" };

describe("planFilterScopes", () => {
  const cases: { name: string; scopes: Scope[]; filters: string[] }[] = [
    { name: "one scope, one search", scopes: [user], filters: ["user"] },
    { name: "agent-user alone is one exact search", scopes: [agentUser], filters: ["agent-user"] },
    { name: "user covers agent-user", scopes: [agentUser, user], filters: ["user"] },
    {
      name: "agents' three readable scopes need two searches",
      scopes: [agent, agentUser, user],
      filters: ["agent", "user"],
    },
    { name: "workflows: user, agent, run", scopes: [user, agent, run], filters: ["user", "agent", "run"] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(planFilterScopes(c.scopes).map((s) => s.kind)).toEqual(c.filters);
    });
  }
});

describe("scopeClassifier", () => {
  const m = (userId: string | null, agentId: string | null, runId: string | null = null): Mem0Memory => ({
    id: "x",
    memory: "t",
    hash: null,
    metadata: null,
    userId,
    agentId,
    runId,
    createdAt: null,
    updatedAt: null,
  });
  const classify = scopeClassifier([user]);
  const cases: { name: string; memory: Mem0Memory; kind: string | null }[] = [
    { name: "exactly the user scope", memory: m("workspace_w1_user_alice", null), kind: "user" },
    {
      name: "agent-user memory found by {user_id} is not the user scope",
      memory: m("workspace_w1_user_alice", "workspace_w1_agent_planner"),
      kind: null,
    },
    { name: "another user", memory: m("workspace_w1_user_bob", null), kind: null },
    { name: "another workspace", memory: m("workspace_w2_user_alice", null), kind: null },
    {
      name: "a run id added to the tuple",
      memory: m("workspace_w1_user_alice", null, "workspace_w1_run_r1"),
      kind: null,
    },
    { name: "ids outside our grammar", memory: m("alice", null), kind: null },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(classify(c.memory)?.kind ?? null).toBe(c.kind);
    });
  }
});
