import { z } from "zod";
import { canForget, FORGET_CAPABILITIES } from "./access-matrix.js";
import { type Mem0Ids, toMem0Ids } from "./mem0-ids.js";
import { type Principal, parsePrincipal } from "./principal.js";
import { rawIdSchema } from "./raw-id.js";
import { err, ok, type Result } from "./result.js";
import { summariseIssue } from "./zod-issue.js";

/** What an operator asks to erase. The only policy input where tenant ids come from the request. */
export type ForgetTarget =
  | { kind: "user"; workspaceId: string; userId: string }
  | { kind: "workspace"; workspaceId: string };

export const forgetTargetSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("user"), workspaceId: rawIdSchema, userId: rawIdSchema }),
    z.strictObject({ kind: z.literal("workspace"), workspaceId: rawIdSchema }),
  ],
  { error: 'must be "user" or "workspace"' },
) satisfies z.ZodType<ForgetTarget, unknown>;

/**
 * How to carry out a forget with mem0's primitives:
 * - user: `deleteAll` with the user's user_id. mem0 matches memories written with {user_id, agent_id} too,
 *   so this erases the user's `user` AND `agent-user` memories (what "forget this person" must mean).
 * - workspace: mem0 has no prefix delete. List the entities (server `GET /entities`) and delete each whose
 *   id starts with `entityPrefix` (safe as a plain prefix: raw ids have no underscore); mem0IdInWorkspace
 *   is the exact check.
 */
export type ForgetPlan =
  | { kind: "user"; workspaceId: string; userId: string; deleteAll: Mem0Ids[] }
  | { kind: "workspace"; workspaceId: string; entityPrefix: string };

export function planForget(principal: Principal, target: unknown): Result<ForgetPlan> {
  const parsedPrincipal = parsePrincipal(principal);
  if (!parsedPrincipal.ok) return parsedPrincipal;
  const app = parsedPrincipal.value.app;
  // Refuse non-operators before even reading their target: its shape is none of their business.
  if (FORGET_CAPABILITIES[app].length === 0) {
    return err("FORBIDDEN_SCOPE", `app "${app}" may not forget whole users or workspaces`, "target");
  }

  if (typeof target !== "object" || target === null || Array.isArray(target)) {
    return err("INVALID_TARGET", "target must be an object", "target");
  }
  const parsed = forgetTargetSchema.safeParse(target);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue === undefined) return err("INVALID_TARGET", "target is invalid", "target");
    const { field, message, isId } = summariseIssue(issue, target, "target", "target.");
    return err(isId ? "INVALID_ID" : "INVALID_TARGET", message, field);
  }
  const t = parsed.data;
  if (!canForget(app, t.kind)) {
    return err("FORBIDDEN_SCOPE", `app "${app}" may not forget a whole ${t.kind}`, "target.kind");
  }
  if (t.kind === "user") {
    const ids = toMem0Ids({ kind: "user", workspaceId: t.workspaceId, userId: t.userId });
    return ok({ kind: "user", workspaceId: t.workspaceId, userId: t.userId, deleteAll: [ids] });
  }
  return ok({ kind: "workspace", workspaceId: t.workspaceId, entityPrefix: `workspace_${t.workspaceId}_` });
}
