/**
 * The scopes a request may use, resolved by the policy package from the principal and placed on the context
 * by scopedProcedure's middleware. Handlers can only pick from these; there is no way to build a scope (and
 * so a mem0 id) from client input.
 */
import {
  type AccessMode,
  type Principal,
  resolveScope,
  resolveScopes,
  type Scope,
  type ScopeKind,
} from "@automatos/memory-policy";
import { TRPCError } from "@trpc/server";
import { policyError } from "./errors.js";

export interface ScopeAccess {
  readonly read: readonly Scope[];
  readonly write: readonly Scope[];
  /**
   * The caller's scopes of the given kinds in `mode` (all of them when `kinds` is empty or absent).
   * A kind the app may not use is FORBIDDEN, with the policy's tenant-free reason.
   */
  pick(mode: AccessMode, kinds?: readonly ScopeKind[]): Scope[];
  /** One scope: the given kind, or the caller's first scope in `mode` (the app's primary scope). */
  pickOne(mode: AccessMode, kind?: ScopeKind): Scope;
}

export function createScopeAccess(principal: Principal): ScopeAccess {
  const resolved = resolveScopes(principal);
  const ofKind = (mode: AccessMode, kind: ScopeKind): Scope => {
    const found = resolved[mode].find((s) => s.kind === kind);
    if (found) return found;
    const reason = resolveScope(principal, kind, mode);
    if (!reason.ok) throw policyError(reason.error);
    // resolveScopes and resolveScope agree by construction; this is a guard, not a path.
    throw new TRPCError({ code: "FORBIDDEN", message: `scope: "${kind}" is not available` });
  };
  const pick = (mode: AccessMode, kinds?: readonly ScopeKind[]): Scope[] => {
    if (kinds && kinds.length > 0) return [...new Set(kinds)].map((k) => ofKind(mode, k));
    if (resolved[mode].length === 0) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: `app "${principal.app}" may not ${mode} any memory scope`,
      });
    }
    return [...resolved[mode]];
  };
  return {
    read: resolved.read,
    write: resolved.write,
    pick,
    pickOne: (mode, kind) => (kind ? ofKind(mode, kind) : (pick(mode)[0] as Scope)),
  };
}
