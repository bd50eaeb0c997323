import { describe, expect, it } from "vitest";
import type { Principal } from "./principal.js";
import { resolveScope, resolveScopes } from "./resolve.js";
import type { Result } from "./result.js";
import type { AccessMode, Scope, ScopeKind } from "./scope.js";

const W = "3f2a9c1e-0000-4000-8000-000000000001";

describe("resolveScopes: what each principal resolves to", () => {
  const cases: { name: string; input: Principal; expected: { read: Scope[]; write: Scope[] } }[] = [
    {
      name: "chatbot user: its own user scope, read and write",
      input: { app: "chatbot", workspaceId: W, userId: "42" },
      expected: {
        read: [{ kind: "user", workspaceId: W, userId: "42" }],
        write: [{ kind: "user", workspaceId: W, userId: "42" }],
      },
    },
    {
      name: "chatbot ignores an agentId it happens to carry",
      input: { app: "chatbot", workspaceId: W, userId: "42", agentId: "7" },
      expected: {
        read: [{ kind: "user", workspaceId: W, userId: "42" }],
        write: [{ kind: "user", workspaceId: W, userId: "42" }],
      },
    },
    {
      name: "agent acting for a user",
      input: { app: "agents", workspaceId: W, userId: "42", agentId: "7" },
      expected: {
        read: [
          { kind: "user", workspaceId: W, userId: "42" },
          { kind: "agent", workspaceId: W, agentId: "7" },
          { kind: "agent-user", workspaceId: W, agentId: "7", userId: "42" },
        ],
        write: [
          { kind: "agent", workspaceId: W, agentId: "7" },
          { kind: "agent-user", workspaceId: W, agentId: "7", userId: "42" },
        ],
      },
    },
    {
      name: "agents app without agentId: only the user's scope to read",
      input: { app: "agents", workspaceId: W, userId: "42" },
      expected: { read: [{ kind: "user", workspaceId: W, userId: "42" }], write: [] },
    },
    {
      name: "workflow run with its agent",
      input: { app: "workflows", workspaceId: W, userId: "42", agentId: "7", runId: "9" },
      expected: {
        read: [
          { kind: "user", workspaceId: W, userId: "42" },
          { kind: "agent", workspaceId: W, agentId: "7" },
          { kind: "run", workspaceId: W, runId: "9" },
        ],
        write: [{ kind: "run", workspaceId: W, runId: "9" }],
      },
    },
    {
      name: "admin: no read or write scope (forget only)",
      input: { app: "admin", workspaceId: W, userId: "1", agentId: "7", runId: "9" },
      expected: { read: [], write: [] },
    },
    {
      name: "upper-case workspace UUID resolves to the canonical one",
      input: { app: "chatbot", workspaceId: W.toUpperCase(), userId: "42" },
      expected: {
        read: [{ kind: "user", workspaceId: W, userId: "42" }],
        write: [{ kind: "user", workspaceId: W, userId: "42" }],
      },
    },
    {
      name: "an invalid principal resolves to nothing (fail closed)",
      input: { app: "chatbot", workspaceId: "1_user_2", userId: "3" },
      expected: { read: [], write: [] },
    },
  ];
  for (const c of cases) it(c.name, () => expect(resolveScopes(c.input)).toEqual(c.expected));
});

describe("resolveScope: reasons when a scope is not available", () => {
  const cases: { name: string; input: [Principal, ScopeKind, AccessMode]; expected: Result<Scope> }[] = [
    {
      name: "agents without agentId asking for agent-user",
      input: [{ app: "agents", workspaceId: W, userId: "42" }, "agent-user", "write"],
      expected: {
        ok: false,
        error: {
          code: "INVALID_PRINCIPAL",
          field: "agentId",
          message: 'scope "agent-user" needs agentId in the principal',
        },
      },
    },
    {
      name: "workflows without runId asking for run",
      input: [{ app: "workflows", workspaceId: W, userId: "42" }, "run", "read"],
      expected: {
        ok: false,
        error: {
          code: "INVALID_PRINCIPAL",
          field: "runId",
          message: 'scope "run" needs runId in the principal',
        },
      },
    },
    {
      name: "workflows without agentId asking for agent",
      input: [{ app: "workflows", workspaceId: W, userId: "42", runId: "9" }, "agent", "read"],
      expected: {
        ok: false,
        error: {
          code: "INVALID_PRINCIPAL",
          field: "agentId",
          message: 'scope "agent" needs agentId in the principal',
        },
      },
    },
    {
      name: "the matrix is checked before missing ids: chatbot asking for run",
      input: [{ app: "chatbot", workspaceId: W, userId: "42" }, "run", "read"],
      expected: {
        ok: false,
        error: { code: "FORBIDDEN_SCOPE", field: "kind", message: 'app "chatbot" may not read scope "run"' },
      },
    },
    {
      name: "an invalid principal is reported as such",
      input: [{ app: "chatbot", workspaceId: W, userId: "4 2" }, "user", "read"],
      expected: {
        ok: false,
        error: {
          code: "INVALID_ID",
          field: "userId",
          message:
            "userId must be 1-64 characters of letters, digits or hyphens (pattern ^[A-Za-z0-9-]{1,64}$; no underscore)",
        },
      },
    },
  ];
  for (const c of cases) it(c.name, () => expect(resolveScope(...c.input)).toEqual(c.expected));

  it("denials carry no tenant ids", () => {
    const p: Principal = { app: "chatbot", workspaceId: W, userId: "user-secret" };
    for (const kind of ["agent", "agent-user", "run"] as const) {
      const text = JSON.stringify(resolveScope(p, kind, "write"));
      expect(text).not.toContain(W);
      expect(text).not.toContain("user-secret");
    }
  });
});
