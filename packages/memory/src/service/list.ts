/**
 * memory.list: the caller's memories, bounded. mem0's server has no pagination (get_all returns at most
 * top_k, in no guaranteed order), so the result says `paginated: false` and `truncated` when a scope filled
 * the limit, instead of pretending to be complete.
 */
import type { Scope } from "@automatos/memory-policy";
import { toMem0Ids } from "@automatos/memory-policy";
import type { MemoryView } from "../schemas/outputs.js";
import { planFilterScopes, scopeClassifier, toView } from "./classify.js";
import { callOptions, type ServiceDeps } from "./deps.js";

export function entityIds(scope: Scope): { userId?: string; agentId?: string; runId?: string } {
  const ids = toMem0Ids(scope);
  return {
    ...(ids.user_id ? { userId: ids.user_id } : {}),
    ...(ids.agent_id ? { agentId: ids.agent_id } : {}),
    ...(ids.run_id ? { runId: ids.run_id } : {}),
  };
}

const time = (m: MemoryView) => Date.parse(m.updatedAt ?? m.createdAt ?? "") || 0;

export async function listMemories(deps: ServiceDeps, scopes: readonly Scope[], limit: number) {
  const pages = await Promise.all(
    planFilterScopes(scopes).map((s) =>
      deps.mem0.getAll({ ...entityIds(s), topK: limit }, callOptions(deps)),
    ),
  );
  const classify = scopeClassifier(scopes);
  const seen = new Map<string, MemoryView>();
  for (const m of pages.flat()) {
    const scope = classify(m);
    if (scope && !seen.has(m.id)) seen.set(m.id, toView(m, scope));
  }
  // Newest first: the order mem0 returns is not defined.
  const all = [...seen.values()].sort((a, b) => time(b) - time(a));
  return {
    memories: all.slice(0, limit),
    limit,
    truncated: all.length > limit || pages.some((p) => p.length >= limit),
    paginated: false as const,
  };
}
