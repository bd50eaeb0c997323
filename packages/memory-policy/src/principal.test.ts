import { describe, expect, it } from "vitest";
import { parsePrincipal } from "./principal.js";
import type { PolicyError, Result } from "./result.js";

const W = "3f2a9c1e-0000-4000-8000-000000000001";
const RULE =
  "must be 1-64 characters of letters, digits or hyphens (pattern ^[A-Za-z0-9-]{1,64}$; no underscore)";

function fail(code: PolicyError["code"], field: string, message: string): Result<never> {
  return { ok: false, error: { code, field, message } };
}

describe("parsePrincipal", () => {
  const cases: { name: string; input: unknown; expected: Result<unknown> }[] = [
    {
      name: "chatbot user",
      input: { app: "chatbot", workspaceId: W, userId: "42" },
      expected: { ok: true, value: { app: "chatbot", workspaceId: W, userId: "42" } },
    },
    {
      name: "agent acting for a user; upper-case UUID canonicalised",
      input: { app: "agents", workspaceId: W.toUpperCase(), userId: "42", agentId: "7" },
      expected: { ok: true, value: { app: "agents", workspaceId: W, userId: "42", agentId: "7" } },
    },
    {
      name: "workflow run",
      input: { app: "workflows", workspaceId: W, userId: "42", agentId: "7", runId: "run-9" },
      expected: {
        ok: true,
        value: { app: "workflows", workspaceId: W, userId: "42", agentId: "7", runId: "run-9" },
      },
    },
    {
      name: "unknown app",
      input: { app: "crm", workspaceId: W, userId: "42" },
      expected: fail(
        "INVALID_PRINCIPAL",
        "app",
        "app must be one of chatbot, agents, workflows, admin, console",
      ),
    },
    {
      name: "missing app",
      input: { workspaceId: W, userId: "42" },
      expected: fail("INVALID_PRINCIPAL", "app", "app is required"),
    },
    {
      name: "missing userId",
      input: { app: "chatbot", workspaceId: W },
      expected: fail("INVALID_PRINCIPAL", "userId", "userId is required"),
    },
    {
      name: "collision half 1: workspace '1_user_2' is rejected by the grammar",
      input: { app: "chatbot", workspaceId: "1_user_2", userId: "3" },
      expected: fail("INVALID_ID", "workspaceId", `workspaceId ${RULE}`),
    },
    {
      name: "collision half 2: user '2_user_3' is rejected by the grammar",
      input: { app: "chatbot", workspaceId: "1", userId: "2_user_3" },
      expected: fail("INVALID_ID", "userId", `userId ${RULE}`),
    },
    {
      name: "bad agentId",
      input: { app: "agents", workspaceId: W, userId: "42", agentId: "agent 7" },
      expected: fail("INVALID_ID", "agentId", `agentId ${RULE}`),
    },
    {
      name: "empty runId",
      input: { app: "workflows", workspaceId: W, userId: "42", runId: "" },
      expected: fail("INVALID_ID", "runId", `runId ${RULE}`),
    },
    {
      name: "numeric userId is a wrong type, not a missing one",
      input: { app: "chatbot", workspaceId: W, userId: 42 },
      expected: fail("INVALID_ID", "userId", "userId must be a string"),
    },
    {
      name: "snake_case key is a caller bug, rejected",
      input: { app: "chatbot", workspaceId: W, userId: "42", user_id: "43" },
      expected: fail("INVALID_PRINCIPAL", "user_id", "user_id is not a principal field"),
    },
    {
      name: "null",
      input: null,
      expected: fail("INVALID_PRINCIPAL", "principal", "principal must be an object"),
    },
    {
      name: "string",
      input: "chatbot",
      expected: fail("INVALID_PRINCIPAL", "principal", "principal must be an object"),
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(parsePrincipal(c.input)).toEqual(c.expected);
    });
  }

  it("never echoes a rejected id value", () => {
    const result = parsePrincipal({ app: "chatbot", workspaceId: "victim_workspace", userId: "victim_user" });
    expect(JSON.stringify(result)).not.toMatch(/victim/);
  });
});

describe("parsePrincipal: once per request", () => {
  it("a parsed principal passed back is recognised (the same frozen object), not parsed again", () => {
    const first = parsePrincipal({ app: "chatbot", workspaceId: "W1", userId: "u1" });
    if (!first.ok) throw new Error("expected a valid principal");
    expect(Object.isFrozen(first.value)).toBe(true);
    const again = parsePrincipal(first.value);
    expect(again.ok && again.value).toBe(first.value);
  });

  it("an equal object that was not parsed is validated as any input is", () => {
    const copy = { app: "chatbot", workspaceId: "W1", userId: "u_1" };
    expect(parsePrincipal(copy)).toMatchObject({ ok: false, error: { field: "userId" } });
  });
});
