import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type StoredMem0Ids, toMem0Ids } from "./mem0-ids.js";
import { checkOwnership } from "./ownership.js";
import type { Principal } from "./principal.js";
import { MEMORY_NOT_FOUND } from "./result.js";
import type { AccessMode, ScopeKind } from "./scope.js";
import { scopeArb } from "./test-arbitraries.js";

const W = "3f2a9c1e-0000-4000-8000-000000000001";
const OTHER_W = "9d0b7c55-1111-4111-8111-000000000002";
const user = (w: string, u: string) => `workspace_${w}_user_${u}`;
const agent = (w: string, a: string) => `workspace_${w}_agent_${a}`;
const run = (w: string, r: string) => `workspace_${w}_run_${r}`;

const chatbot: Principal = { app: "chatbot", workspaceId: W, userId: "42" };
const agents: Principal = { app: "agents", workspaceId: W, userId: "42", agentId: "7" };
const workflows: Principal = { app: "workflows", workspaceId: W, userId: "42", agentId: "7", runId: "9" };
const admin: Principal = { app: "admin", workspaceId: W, userId: "1" };
/** The memory page for user 42, looking at what agent 7 keeps about them. */
const consolePage: Principal = { app: "console", workspaceId: W, userId: "42", agentId: "7" };

type Case = {
  name: string;
  input: [Principal, StoredMem0Ids, AccessMode];
  expected: ScopeKind | "NOT_FOUND";
};
const cases: Case[] = [
  {
    name: "chatbot reads its own user memory",
    input: [chatbot, { user_id: user(W, "42") }, "read"],
    expected: "user",
  },
  {
    name: "chatbot writes its own user memory",
    input: [chatbot, { user_id: user(W, "42") }, "write"],
    expected: "user",
  },
  {
    name: "chatbot cannot see an agent-user memory about the same user (mem0 would match it on user_id)",
    input: [chatbot, { user_id: user(W, "42"), agent_id: agent(W, "7") }, "read"],
    expected: "NOT_FOUND",
  },
  {
    name: "chatbot: same user id in another workspace",
    input: [chatbot, { user_id: user(OTHER_W, "42") }, "read"],
    expected: "NOT_FOUND",
  },
  {
    name: "chatbot: another user in its workspace",
    input: [chatbot, { user_id: user(W, "43") }, "read"],
    expected: "NOT_FOUND",
  },
  {
    name: "chatbot: the agent's memory",
    input: [chatbot, { agent_id: agent(W, "7") }, "read"],
    expected: "NOT_FOUND",
  },
  {
    name: "chatbot: malformed stored ids",
    input: [chatbot, { user_id: "workspace_1_user_2_user_3" }, "read"],
    expected: "NOT_FOUND",
  },
  {
    name: "chatbot: no ids at all",
    input: [chatbot, { user_id: null, agent_id: null, run_id: null }, "read"],
    expected: "NOT_FOUND",
  },
  {
    name: "chatbot: upper-case stored UUID is not canonical",
    input: [chatbot, { user_id: user(W.toUpperCase(), "42") }, "read"],
    expected: "NOT_FOUND",
  },
  {
    name: "chatbot principal in upper case still owns the canonical memory",
    input: [{ ...chatbot, workspaceId: W.toUpperCase() }, { user_id: user(W, "42") }, "write"],
    expected: "user",
  },
  {
    name: "agent reads the user it acts for",
    input: [agents, { user_id: user(W, "42") }, "read"],
    expected: "user",
  },
  {
    name: "agent may not write the user's own memory",
    input: [agents, { user_id: user(W, "42") }, "write"],
    expected: "NOT_FOUND",
  },
  {
    name: "agent writes its own memory",
    input: [agents, { agent_id: agent(W, "7") }, "write"],
    expected: "agent",
  },
  {
    name: "agent writes what it knows about the user",
    input: [agents, { user_id: user(W, "42"), agent_id: agent(W, "7") }, "write"],
    expected: "agent-user",
  },
  {
    name: "agent: another agent's memory about the same user",
    input: [agents, { user_id: user(W, "42"), agent_id: agent(W, "8") }, "read"],
    expected: "NOT_FOUND",
  },
  {
    name: "agent: same agent id in another workspace",
    input: [agents, { agent_id: agent(OTHER_W, "7") }, "read"],
    expected: "NOT_FOUND",
  },
  { name: "agent: a workflow run", input: [agents, { run_id: run(W, "9") }, "read"], expected: "NOT_FOUND" },
  { name: "workflow writes its run", input: [workflows, { run_id: run(W, "9") }, "write"], expected: "run" },
  {
    name: "workflow reads its agent",
    input: [workflows, { agent_id: agent(W, "7") }, "read"],
    expected: "agent",
  },
  {
    name: "workflow may not write the agent",
    input: [workflows, { agent_id: agent(W, "7") }, "write"],
    expected: "NOT_FOUND",
  },
  {
    name: "workflow: another run",
    input: [workflows, { run_id: run(W, "10") }, "read"],
    expected: "NOT_FOUND",
  },
  {
    name: "workflow: a run memory tagged with a user too is no scope of ours",
    input: [workflows, { run_id: run(W, "9"), user_id: user(W, "42") }, "read"],
    expected: "NOT_FOUND",
  },
  {
    name: "admin cannot read by id",
    input: [admin, { user_id: user(W, "1") }, "read"],
    expected: "NOT_FOUND",
  },
  {
    name: "console corrects the person's own memory",
    input: [consolePage, { user_id: user(W, "42") }, "write"],
    expected: "user",
  },
  {
    name: "console deletes what the agent keeps about the person",
    input: [consolePage, { user_id: user(W, "42"), agent_id: agent(W, "7") }, "write"],
    expected: "agent-user",
  },
  {
    name: "console: another user's memory does not exist",
    input: [consolePage, { user_id: user(W, "43") }, "read"],
    expected: "NOT_FOUND",
  },
  {
    name: "console: what the agent keeps about another user does not exist",
    input: [consolePage, { user_id: user(W, "43"), agent_id: agent(W, "7") }, "read"],
    expected: "NOT_FOUND",
  },
  {
    name: "console: the agent's shared memory (all users) is not the person's",
    input: [consolePage, { agent_id: agent(W, "7") }, "read"],
    expected: "NOT_FOUND",
  },
];

describe("checkOwnership", () => {
  for (const c of cases) {
    it(c.name, () => {
      const result = checkOwnership(...c.input);
      if (c.expected === "NOT_FOUND") expect(result).toEqual({ ok: false, error: MEMORY_NOT_FOUND });
      else expect(result).toMatchObject({ ok: true, value: { kind: c.expected } });
    });
  }

  it("an invalid principal is the caller's own error, not NOT_FOUND", () => {
    const result = checkOwnership({ ...chatbot, userId: "4_2" }, { user_id: user(W, "42") }, "read");
    expect(result).toMatchObject({ ok: false, error: { code: "INVALID_ID", field: "userId" } });
  });

  it("each denial is a fresh copy: callers mutating it cannot change the shared answer", () => {
    const result = checkOwnership(chatbot, { agent_id: agent(W, "7") }, "read");
    if (!result.ok) result.error.message = "changed";
    expect(MEMORY_NOT_FOUND.message).toBe("memory not found");
  });
});

describe("denials leak nothing (property-based)", () => {
  it("any memory of another workspace reads as the same NOT_FOUND, naming none of its ids", () => {
    fc.assert(
      fc.property(scopeArb, (foreign) => {
        const ids = toMem0Ids({ ...foreign, workspaceId: `x${foreign.workspaceId.slice(0, 60)}` });
        for (const principal of [chatbot, agents, workflows, admin, consolePage]) {
          for (const mode of ["read", "write"] as const) {
            const result = checkOwnership(principal, ids, mode);
            expect(result).toEqual({ ok: false, error: MEMORY_NOT_FOUND });
            const text = JSON.stringify(result);
            for (const id of Object.values(ids)) expect(text).not.toContain(id);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("arbitrary (possibly malformed) stored ids give either ownership or exactly MEMORY_NOT_FOUND", () => {
    const idish = fc.option(fc.oneof(fc.string(), fc.constant(user(W, "42")), fc.constant(agent(W, "7"))), {
      nil: null,
    });
    fc.assert(
      fc.property(idish, idish, idish, (u, a, r) => {
        const result = checkOwnership(agents, { user_id: u, agent_id: a, run_id: r }, "read");
        if (!result.ok) expect(result.error).toEqual(MEMORY_NOT_FOUND);
      }),
      { numRuns: 2000 },
    );
  });
});
