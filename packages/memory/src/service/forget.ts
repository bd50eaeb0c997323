/**
 * memory.forget: erasure.
 * - kind "scope": everything in one of the caller's own writable scopes, EXACTLY that scope. For agent-user
 *   and run the mem0 ids select exactly the scope, so one deleteAll does it. For user and agent they also
 *   select agent-user memories (mem0 matches a subset of ids), which the app may not be allowed to touch, so
 *   those are listed and deleted one by one after exact classification. mem0 lists at most top_k with no
 *   paging: `complete` is false when a bounded pass cannot prove everything is gone.
 * - kind "user" / "workspace": operators only, decided by the policy's planForget (FORGET_CAPABILITIES).
 */
import { mem0IdInWorkspace, type Principal, planForget, type Scope } from "@automatos/memory-policy";
import { isMem0ErrorLike, policyError } from "../errors.js";
import type { Ownership } from "../ownership.js";
import type { ForgetInput } from "../schemas/inputs.js";
import type { ForgetOutput } from "../schemas/outputs.js";
import type { ScopeAccess } from "../scope-access.js";
import { scopeClassifier } from "./classify.js";
import { callOptions, type ServiceDeps, writeCallOptions } from "./deps.js";
import { entityIds } from "./list.js";

export const FORGET_PAGE = 1_000;
const MAX_ROUNDS = 100;

/** Runs `fn` over `items` with at most `limit` in flight. */
async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

function isExactFilter(scope: Scope): boolean {
  return scope.kind === "agent-user" || scope.kind === "run";
}

async function forgetScope(deps: ServiceDeps, ownership: Ownership, scope: Scope): Promise<ForgetOutput> {
  if (isExactFilter(scope)) {
    await deps.mem0.deleteAll(entityIds(scope), writeCallOptions(deps));
    return { kind: "scope", deleted: null, complete: true };
  }
  const mine = scopeClassifier([scope]);
  let deleted = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const page = await deps.mem0.getAll({ ...entityIds(scope), topK: FORGET_PAGE }, callOptions(deps));
    const targets = page.filter((m) => mine(m) !== null);
    if (targets.length === 0) return { kind: "scope", deleted, complete: page.length < FORGET_PAGE };
    await eachLimited(targets, deps.config.forgetConcurrency, async (m) => {
      try {
        await ownership.byListing(m, scope).delete();
      } catch (e) {
        // Deleted meanwhile (a concurrent forget or delete): the goal is reached all the same.
        if (!(isMem0ErrorLike(e) && e.kind === "not_found")) throw e;
      }
    });
    deleted += targets.length;
    if (page.length < FORGET_PAGE)
      return { kind: "scope", deleted, complete: targets.length === page.length };
  }
  return { kind: "scope", deleted, complete: false };
}

export async function forget(
  deps: ServiceDeps,
  principal: Principal,
  scopes: ScopeAccess,
  ownership: Ownership,
  input: ForgetInput,
): Promise<ForgetOutput> {
  if (input.kind === "scope") {
    const result = await forgetScope(deps, ownership, scopes.pickOne("write", input.scope));
    deps.logger.info(
      { event: "forget", kind: "scope", scope: input.scope, deleted: result.deleted },
      "scope forgotten",
    );
    return result;
  }
  const plan = planForget(principal, input);
  if (!plan.ok) throw policyError(plan.error);
  if (plan.value.kind === "user") {
    for (const ids of plan.value.deleteAll) {
      await deps.mem0.deleteAll(
        {
          ...(ids.user_id ? { userId: ids.user_id } : {}),
          ...(ids.agent_id ? { agentId: ids.agent_id } : {}),
        },
        writeCallOptions(deps),
      );
    }
    deps.logger.info({ event: "forget", kind: "user" }, "user forgotten");
    return { kind: "user", deleted: null, complete: true };
  }
  const workspaceId = plan.value.workspaceId;
  const entities = (await deps.mem0.entities(callOptions(deps))).filter((e) =>
    mem0IdInWorkspace(e.id, workspaceId),
  );
  await eachLimited(entities, deps.config.forgetConcurrency, async (e) => {
    const key = e.type === "agent" ? "agentId" : e.type === "run" ? "runId" : "userId";
    await deps.mem0.deleteAll({ [key]: e.id }, writeCallOptions(deps));
  });
  deps.logger.info({ event: "forget", kind: "workspace", entities: entities.length }, "workspace forgotten");
  return { kind: "workspace", deleted: entities.length, complete: true };
}
