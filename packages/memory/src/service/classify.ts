/**
 * Exact scope classification of stored memories. mem0 filters by the ids given, so a search with {user_id}
 * also returns memories written with {user_id, agent_id}; every result is therefore classified by its EXACT
 * id tuple and kept only if that tuple equals the policy's canonical mem0 ids (toMem0Ids) of one of the
 * scopes asked for. Equality with a canonical tuple is the strictest test there is (toMem0Ids is injective),
 * so no parsing of the stored ids is needed on this hot path; by-id operations use checkOwnership (ownership.ts).
 */
import { type Mem0Ids, type Scope, toMem0Ids } from "@automatos/memory-policy";
import type { Mem0HistoryEntry, Mem0Memory } from "../ports.js";
import type { MemoryView } from "../schemas/outputs.js";

/** Unambiguous for any stored strings (a separator could be forged inside an id; JSON quoting cannot). */
function key(ids: { user_id?: string | null; agent_id?: string | null; run_id?: string | null }): string {
  return JSON.stringify([ids.user_id ?? null, ids.agent_id ?? null, ids.run_id ?? null]);
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
  const byKey = new Map(allowed.map((s) => [key(toMem0Ids(s) as Mem0Ids), s]));
  return (m) => byKey.get(key(storedIds(m))) ?? null;
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

/** toView with the search score (set on the same object: this runs for every hit on the hot path). */
export function toScoredView(m: Mem0Memory, scope: Scope, score: number): MemoryView & { score: number } {
  const view = toView(m, scope) as MemoryView & { score: number };
  view.score = score;
  return view;
}

/** One history entry as the API shows it. */
export function historyView(e: Mem0HistoryEntry) {
  return {
    event: e.event,
    oldText: e.oldMemory,
    newText: e.newMemory,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    isDeleted: e.isDeleted,
  };
}
