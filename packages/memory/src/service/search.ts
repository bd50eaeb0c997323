/**
 * Semantic search across the caller's chosen scopes: one mem0 search per planned filter (usually one), run in
 * parallel, merged by id, then classified exactly. Client filters are metadata equality only and are ANDed
 * onto the scope ids by the policy's composeFilters, so they can only narrow.
 */
import { composeFilters, type Scope } from "@automatos/memory-policy";
import { policyError } from "../errors.js";
import type { CallOptions, Mem0Memory } from "../ports.js";
import { planFilterScopes, scopeClassifier } from "./classify.js";
import { callOptions, type ServiceDeps } from "./deps.js";

export interface ScopedHit {
  memory: Mem0Memory;
  scope: Scope;
  score: number;
}

export interface ScopedSearchResult {
  hits: ScopedHit[];
  searches: number;
  outOfScope: number;
}

export interface SearchPlan {
  scopes: readonly Scope[];
  /** One mem0 filter object per search. */
  filters: Record<string, unknown>[];
}

/** Pure and synchronous: a refused client filter fails here, before any mem0 call or time budget. */
export function planSearch(
  scopes: readonly Scope[],
  clientFilters?: Record<string, string | number | boolean>,
): SearchPlan {
  const filters = planFilterScopes(scopes).map((scope) => {
    const composed = composeFilters(scope, clientFilters);
    if (!composed.ok) throw policyError(composed.error);
    return composed.value;
  });
  return { scopes, filters };
}

export async function runSearch(
  deps: ServiceDeps,
  plan: SearchPlan,
  req: { query: string; topK: number; threshold?: number },
  opts: CallOptions = {},
): Promise<ScopedSearchResult> {
  const pages = await Promise.all(
    plan.filters.map((filters) =>
      deps.mem0.search(
        {
          query: req.query,
          filters,
          topK: req.topK,
          ...(req.threshold !== undefined ? { threshold: req.threshold } : {}),
        },
        callOptions(deps, opts),
      ),
    ),
  );
  const classify = scopeClassifier(plan.scopes);
  const byId = new Map<string, ScopedHit>();
  const outOfScope = new Set<string>();
  for (const m of pages.flat()) {
    const scope = classify(m);
    if (!scope) {
      outOfScope.add(m.id);
      continue;
    }
    const score = typeof m.score === "number" && Number.isFinite(m.score) ? m.score : 0;
    const seen = byId.get(m.id);
    if (!seen || seen.score < score) byId.set(m.id, { memory: m, scope, score });
  }
  const hits = [...byId.values()].sort((a, b) => b.score - a.score);
  return { hits, searches: plan.filters.length, outOfScope: outOfScope.size };
}
