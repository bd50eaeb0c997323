import { FORGET_CAPABILITIES, type ForgetTargetKind } from "../access-matrix.js";
import { type Mem0Ids, toMem0Ids } from "../mem0-ids.js";
import { type Principal, parsePrincipal } from "../principal.js";
import { resolveScope } from "../resolve.js";
import type { Result } from "../result.js";
import { type AccessMode, SCOPE_KINDS, type Scope, type ScopeKind } from "../scope.js";

export interface ResolvedLine {
  scope: Scope;
  mem0Ids: Mem0Ids;
}

export interface Explanation {
  principal: Principal;
  read: ResolvedLine[];
  write: ResolvedLine[];
  /** Every (kind, mode) the principal cannot use, with the policy's reason. */
  unavailable: { kind: ScopeKind; mode: AccessMode; reason: string }[];
  forget: readonly ForgetTargetKind[];
}

/** Everything the policy says about one principal, as data (the CLI prints it; tests inspect it). */
export function explain(input: unknown): Result<Explanation> {
  const parsed = parsePrincipal(input);
  if (!parsed.ok) return parsed;
  const principal = parsed.value;
  const explanation: Explanation = {
    principal,
    read: [],
    write: [],
    unavailable: [],
    forget: FORGET_CAPABILITIES[principal.app],
  };
  for (const mode of ["read", "write"] as const) {
    for (const kind of SCOPE_KINDS) {
      const scope = resolveScope(principal, kind, mode);
      if (scope.ok) explanation[mode].push({ scope: scope.value, mem0Ids: toMem0Ids(scope.value) });
      else explanation.unavailable.push({ kind, mode, reason: scope.error.message });
    }
  }
  return { ok: true, value: explanation };
}

export function formatMem0Ids(ids: Mem0Ids): string {
  return Object.entries(ids)
    .map(([key, value]) => `${key}=${value}`)
    .join(" ");
}

function section(title: string, lines: ResolvedLine[]): string[] {
  const count = `${lines.length} scope${lines.length === 1 ? "" : "s"}`;
  const body = lines.map((line) => `  ${line.scope.kind.padEnd(11)} ${formatMem0Ids(line.mem0Ids)}`);
  return [`${title} (${count})`, ...(body.length > 0 ? body : ["  (none)"])];
}

/** Plain-text rendering for a terminal: principal, read and write scopes with mem0 ids, then the denials. */
export function formatExplanation(e: Explanation): string {
  const p = e.principal;
  const who = [
    `  app        ${p.app}`,
    `  workspace  ${p.workspaceId}`,
    `  user       ${p.userId}`,
    ...(p.agentId === undefined ? [] : [`  agent      ${p.agentId}`]),
    ...(p.runId === undefined ? [] : [`  run        ${p.runId}`]),
  ];
  const denied = e.unavailable.map((u) => `  ${`${u.kind} (${u.mode})`.padEnd(19)} ${u.reason}`);
  const forget =
    e.forget.length === 0
      ? []
      : ["", `Forget: whole ${e.forget.join(" or ")} (target given as input; see planForget)`];
  return [
    "Principal",
    ...who,
    "",
    ...section("Read", e.read),
    "",
    ...section("Write", e.write),
    "",
    "Not available",
    ...(denied.length > 0 ? denied : ["  (none)"]),
    ...forget,
  ].join("\n");
}
