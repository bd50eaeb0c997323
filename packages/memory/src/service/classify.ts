/**
 * Exact scope classification of stored memories. mem0 filters by the ids given, so a search with {user_id}
 * also returns memories written with {user_id, agent_id}; every result is therefore classified by its EXACT
 * id tuple (policy scopeFromMem0Ids) and kept only if that tuple is one of the scopes asked for.
 */
import { type Mem0Ids, type Scope, scopeFromMem0Ids, toMem0Ids } from "@automatos/memory-policy";
import type { Mem0Memory } from "../ports.js";
import type { MemoryView } from "../schemas/outputs.js";

function key(ids: Mem0Ids): string {
  return `${ids.user_id ?? ""}|${ids.agent_id ?? ""}|${ids.run_id ?? ""}`;
}

export function storedIds(m: Mem0Memory): {
  user_id: string | null;
  agent_id: string | null;
  run_id: string | null;
} {
  return { user_id: m.userId, agent_id: m.agentId, run_id: m.runId };
}

/** A classifier for one request: the memory's scope if it is exactly one of `allowed`, else null. */
export function scopeClassifier(allowed: readonly Scope[]): (m: Mem0Memory) => Scope | null {
  const byKey = new Map(allowed.map((s) => [key(toMem0Ids(s)), s]));
  return (m) => {
    const parsed = scopeFromMem0Ids(storedIds(m));
    if (!parsed.ok) return null;
    return byKey.get(key(toMem0Ids(parsed.value))) ?? null;
  };
}

/**
 * The fewest mem0 filters that reach every asked scope: a scope's ids cover any scope whose ids include
 * them ({user_id} covers user and agent-user). Scopes with fewer ids are placed first so they become the
 * filters; the rest ride along and are separated again by scopeClassifier.
 */
export function planFilterScopes(scopes: readonly Scope[]): Scope[] {
  const ordered = [...scopes].sort(
    (a, b) => Object.keys(toMem0Ids(a)).length - Object.keys(toMem0Ids(b)).length,
  );
  const chosen: Scope[] = [];
  for (const s of ordered) {
    const ids = toMem0Ids(s) as Record<string, string>;
    const covered = chosen.some((c) =>
      Object.entries(toMem0Ids(c) as Record<string, string>).every(([k, v]) => ids[k] === v),
    );
    if (!covered) chosen.push(s);
  }
  return chosen;
}

export function toView(m: Mem0Memory, scope: Scope): MemoryView {
  return {
    id: m.id,
    text: m.memory,
    scope: scope.kind,
    metadata: m.metadata,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  };
}
