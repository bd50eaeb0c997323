import { composeFilters } from "../filters.js";
import type { Mem0Ids } from "../mem0-ids.js";
import { checkOwnership } from "../ownership.js";
import { type Principal, parsePrincipal } from "../principal.js";
import type { Result } from "../result.js";
import { explain, formatMem0Ids } from "./explain-format.js";

const WORKSPACE = "3f2a9c1e-0000-4000-8000-000000000001";
const OTHER_WORKSPACE = "9d0b7c55-1111-4111-8111-000000000002";

export const DEMO_PRINCIPALS = {
  chatbotUser: { app: "chatbot", workspaceId: WORKSPACE, userId: "42" },
  agentForUser: { app: "agents", workspaceId: WORKSPACE, userId: "42", agentId: "7" },
  workflowRun: { app: "workflows", workspaceId: WORKSPACE, userId: "42", agentId: "7", runId: "1001" },
  otherTenant: { app: "chatbot", workspaceId: OTHER_WORKSPACE, userId: "42" },
} as const satisfies Record<string, Principal>;

function outcome<T>(result: Result<T>, describe: (value: T) => string): string {
  return result.ok ? describe(result.value) : `${result.error.code}: ${result.error.message}`;
}

function resolution(title: string, principal: Principal): string[] {
  const e = explain(principal);
  if (!e.ok) return [title, `  ${e.error.code}: ${e.error.message}`];
  const list = (lines: typeof e.value.read) =>
    lines.length === 0
      ? ["    (none)"]
      : lines.map((l) => `    ${l.scope.kind.padEnd(11)} ${formatMem0Ids(l.mem0Ids)}`);
  return [title, "  read:", ...list(e.value.read), "  write:", ...list(e.value.write)];
}

function ownership(label: string, principal: Principal, ids: Mem0Ids): string {
  const result = checkOwnership(principal, ids, "read");
  return `  ${label.padEnd(52)} -> ${outcome(result, (scope) => `allowed (scope "${scope.kind}")`)}`;
}

function filterLine(client: Record<string, unknown>): string {
  const scope = { kind: "user", workspaceId: WORKSPACE, userId: "42" } as const;
  return `  ${JSON.stringify(client)} -> ${outcome(composeFilters(scope, client), (f) => JSON.stringify(f))}`;
}

/** The interim main job's walk-through, as lines (printed by demo.ts, asserted by its test). */
export function buildWalkthrough(): string[] {
  const { chatbotUser, agentForUser, workflowRun, otherTenant } = DEMO_PRINCIPALS;
  const userMemory: Mem0Ids = { user_id: `workspace_${WORKSPACE}_user_42` };
  const agentAboutUser: Mem0Ids = { ...userMemory, agent_id: `workspace_${WORKSPACE}_agent_7` };
  const naive = (w: string, u: string) => `workspace_${w}_user_${u}`;
  const collision = [
    { app: "chatbot", workspaceId: "1_user_2", userId: "3" },
    { app: "chatbot", workspaceId: "1", userId: "2_user_3" },
  ];
  return [
    "@automatos/memory-policy walk-through",
    "",
    ...resolution(`1. Chatbot, user 42 of workspace ${WORKSPACE}`, chatbotUser),
    "",
    ...resolution("2. Agent 7 acting for user 42", agentForUser),
    "",
    ...resolution("3. Workflow run 1001 (agent 7, for user 42)", workflowRun),
    "",
    "4. Ownership check before a by-id operation (get/update/delete/history)",
    ownership("user 42 reads its own memory", chatbotUser, userMemory),
    ownership(`user 42 of workspace ${OTHER_WORKSPACE.slice(0, 8)}... reads it`, otherTenant, userMemory),
    ownership("chatbot reads agent 7's memory about user 42", chatbotUser, agentAboutUser),
    ownership("agent 7 reads its memory about user 42", agentForUser, agentAboutUser),
    "",
    "5. The collision the id grammar prevents",
    ...collision.map((c) => {
      const verdict = outcome(parsePrincipal(c), () => "accepted");
      return `  workspace "${c.workspaceId}" + user "${c.userId}" would be ${naive(c.workspaceId, c.userId)} -> ${verdict}`;
    }),
    "",
    "6. Client filters can only narrow",
    filterLine({ topic: "food" }),
    filterLine({ user_id: naive(OTHER_WORKSPACE, "42") }),
  ];
}
