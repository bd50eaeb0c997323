import { describe, expect, it } from "vitest";
import { ACCESS_MATRIX, canForget, FORGET_CAPABILITIES } from "./access-matrix.js";
import { APP_NAMES, type AppName, type Principal } from "./principal.js";
import { resolveScope, resolveScopes } from "./resolve.js";
import { type AccessMode, SCOPE_KINDS, type ScopeKind } from "./scope.js";

// The policy as docs/architecture.md §3 states it (plus the memory page's `console` app), written out
// independently of ACCESS_MATRIX: 40 cells.
// "rw" = read and write, "r" = read only, "-" = nothing.
const SPEC: Record<AppName, Record<ScopeKind, "rw" | "r" | "-">> = {
  chatbot: { user: "rw", agent: "-", "agent-user": "-", run: "-" },
  agents: { user: "r", agent: "rw", "agent-user": "rw", run: "-" },
  workflows: { user: "r", agent: "r", "agent-user": "-", run: "rw" },
  admin: { user: "-", agent: "-", "agent-user": "-", run: "-" },
  console: { user: "rw", agent: "-", "agent-user": "rw", run: "-" },
};

const W = "3f2a9c1e-0000-4000-8000-000000000001";
const full = (app: AppName): Principal => ({ app, workspaceId: W, userId: "42", agentId: "7", runId: "9" });

const cells = APP_NAMES.flatMap((app) =>
  SCOPE_KINDS.flatMap((kind) =>
    (["read", "write"] as AccessMode[]).map((mode) => ({
      name: `${app} ${mode} ${kind}`,
      input: { app, kind, mode },
      expected: SPEC[app][kind].includes(mode === "read" ? "r" : "w"),
    })),
  ),
);

describe("ACCESS_MATRIX: every cell", () => {
  it("has exactly 40 cells", () => expect(cells).toHaveLength(40));

  for (const c of cells) {
    it(`${c.name}: ${c.expected ? "allowed" : "denied"}`, () => {
      const { app, kind, mode } = c.input;
      expect(ACCESS_MATRIX[app][kind][mode]).toBe(c.expected);
      const resolved = resolveScope(full(app), kind, mode);
      expect(resolved.ok).toBe(c.expected);
      expect(resolveScopes(full(app))[mode].some((s) => s.kind === kind)).toBe(c.expected);
      if (!resolved.ok) {
        expect(resolved.error).toEqual({
          code: "FORBIDDEN_SCOPE",
          field: "kind",
          message: `app "${app}" may not ${mode} scope "${kind}"`,
        });
      }
    });
  }
});

describe("FORGET_CAPABILITIES", () => {
  const cases = APP_NAMES.flatMap((app) =>
    (["user", "workspace"] as const).map((target) => ({
      name: `${app} forget ${target}`,
      input: { app, target },
      expected: app === "admin",
    })),
  );
  for (const c of cases) {
    it(`${c.name}: ${c.expected ? "allowed" : "denied"}`, () => {
      expect(canForget(c.input.app, c.input.target)).toBe(c.expected);
    });
  }
  it("only admin has any forget capability", () => {
    expect(Object.entries(FORGET_CAPABILITIES).filter(([, targets]) => targets.length > 0)).toEqual([
      ["admin", ["user", "workspace"]],
    ]);
  });
});

describe("console (the memory page)", () => {
  it("resolves only the signed-in person's own scopes: never an agent's shared memory, never a run", () => {
    const scopes = resolveScopes(full("console"));
    for (const mode of ["read", "write"] as const) {
      expect(scopes[mode].map((s) => s.kind)).toEqual(["user", "agent-user"]);
      for (const scope of scopes[mode]) expect(scope).toMatchObject({ workspaceId: W, userId: "42" });
    }
  });

  it("may forget nothing in bulk (only its own scopes, through forget {kind: scope})", () => {
    expect(FORGET_CAPABILITIES.console).toEqual([]);
    expect(canForget("console", "user")).toBe(false);
  });
});
