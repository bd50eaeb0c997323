import type { AppName } from "./principal.js";
import type { AccessMode, ScopeKind } from "./scope.js";

export interface Access {
  readonly read: boolean;
  readonly write: boolean;
}

const NONE: Access = { read: false, write: false };
const READ: Access = { read: true, write: false };
const READ_WRITE: Access = { read: true, write: true };

/**
 * Which app may read or write which scope kind: the whole policy in one table, so a review reads it here
 * instead of hunting `if`s. The ids in each scope always come from the principal (the user an agent acts
 * for, the run a workflow executes), so "agents read user" means "the user this agent acts for".
 * `admin` has no read/write scope at all: its only power is FORGET_CAPABILITIES.
 */
export const ACCESS_MATRIX = {
  chatbot: { user: READ_WRITE, agent: NONE, "agent-user": NONE, run: NONE },
  agents: { user: READ, agent: READ_WRITE, "agent-user": READ_WRITE, run: NONE },
  workflows: { user: READ, agent: READ, "agent-user": NONE, run: READ_WRITE },
  admin: { user: NONE, agent: NONE, "agent-user": NONE, run: NONE },
  // The memory page: the signed-in person's own memories and what each agent keeps about them, nothing an
  // agent shares across users (`agent`) and no run. Same ids as every app: from the verified principal.
  console: { user: READ_WRITE, agent: NONE, "agent-user": READ_WRITE, run: NONE },
} as const satisfies Record<AppName, Record<ScopeKind, Access>>;

export type ForgetTargetKind = "user" | "workspace";

/**
 * Bulk erasure is separate from read/write: the target (a whole user or workspace) is given as input,
 * which is only acceptable for an operator, never for an end-user app.
 */
export const FORGET_CAPABILITIES = {
  chatbot: [],
  agents: [],
  workflows: [],
  admin: ["user", "workspace"],
  console: [],
} as const satisfies Record<AppName, readonly ForgetTargetKind[]>;

export function isAllowed(app: AppName, kind: ScopeKind, mode: AccessMode): boolean {
  return ACCESS_MATRIX[app][kind][mode];
}

export function canForget(app: AppName, target: ForgetTargetKind): boolean {
  return (FORGET_CAPABILITIES[app] as readonly ForgetTargetKind[]).includes(target);
}
