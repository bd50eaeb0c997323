import { isAllowed } from "./access-matrix.js";
import { type Principal, parsePrincipal } from "./principal.js";
import { err, ok, type Result } from "./result.js";
import { type AccessMode, describeKind, SCOPE_KINDS, type Scope, type ScopeKind } from "./scope.js";

export interface ResolvedScopes {
  read: Scope[];
  write: Scope[];
}

/** Builds the scope of `kind` from the principal's own ids, or says which principal id is missing. */
function scopeFromPrincipal(p: Principal, kind: ScopeKind): Result<Scope> {
  const missing = (field: "agentId" | "runId") =>
    err<Scope>("INVALID_PRINCIPAL", `${describeKind(kind)} needs ${field} in the principal`, field);
  const w = p.workspaceId;
  switch (kind) {
    case "user":
      return ok({ kind, workspaceId: w, userId: p.userId });
    case "agent":
      return p.agentId === undefined ? missing("agentId") : ok({ kind, workspaceId: w, agentId: p.agentId });
    case "agent-user":
      return p.agentId === undefined
        ? missing("agentId")
        : ok({ kind, workspaceId: w, agentId: p.agentId, userId: p.userId });
    case "run":
      return p.runId === undefined ? missing("runId") : ok({ kind, workspaceId: w, runId: p.runId });
  }
}

/**
 * The one scope of `kind` the principal may use in `mode`. Denials name the app and the scope kind only:
 * nothing about any tenant. The principal is re-validated (cheap) so an unparsed object cannot slip through.
 */
export function resolveScope(principal: Principal, kind: ScopeKind, mode: AccessMode): Result<Scope> {
  const parsed = parsePrincipal(principal);
  return parsed.ok ? resolveParsed(parsed.value, kind, mode) : parsed;
}

function resolveParsed(p: Principal, kind: ScopeKind, mode: AccessMode): Result<Scope> {
  if (!isAllowed(p.app, kind, mode)) {
    return err("FORBIDDEN_SCOPE", `app "${p.app}" may not ${mode} ${describeKind(kind)}`, "kind");
  }
  return scopeFromPrincipal(p, kind);
}

/**
 * Every scope the principal may read and write. A scope whose id the principal lacks (no agentId, no runId)
 * is simply absent; ask resolveScope for the reason. An invalid principal resolves to nothing.
 */
export function resolveScopes(principal: Principal): ResolvedScopes {
  const resolved: ResolvedScopes = { read: [], write: [] };
  const parsed = parsePrincipal(principal);
  if (!parsed.ok) return resolved;
  for (const mode of ["read", "write"] as const) {
    for (const kind of SCOPE_KINDS) {
      const scope = resolveParsed(parsed.value, kind, mode);
      if (scope.ok) resolved[mode].push(scope.value);
    }
  }
  return resolved;
}
