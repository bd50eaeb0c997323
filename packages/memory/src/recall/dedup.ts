/**
 * Step 4 of recall: near-duplicate removal, newest wins.
 *
 * mem0's engine is ADD-only since 3.0 (mem0-contract §"three things"): repeated facts and changed facts both
 * accumulate. Two rules on normalised word tokens, both data:
 * - duplicate: Jaccard similarity of the token sets >= `duplicateJaccard`
 *   ("User likes coffee" / "user likes coffee.");
 * - superseded: the same statement with a different tail — a shared leading run of at least `minPrefixTokens`
 *   tokens that covers at least `prefixShare` of the longer text ("My name is Alice" / "My name is Bob",
 *   "I live in Paris" / "I live in New York"). This is the contradiction we can detect without an LLM.
 * In both cases the newest memory (updatedAt, else createdAt) is kept, in the position of the better-ranked one.
 */
import { words } from "@automatos/text";

export interface DedupRules {
  duplicateJaccard: number;
  minPrefixTokens: number;
  prefixShare: number;
}

export const DEFAULT_DEDUP: DedupRules = { duplicateJaccard: 0.8, minPrefixTokens: 3, prefixShare: 0.6 };

export type DedupReason = "duplicate" | "superseded";

export interface Dedupable {
  id: string;
  text: string;
  createdAt: string | null;
  updatedAt: string | null;
}

export interface DedupResult<T> {
  kept: T[];
  dropped: { item: T; reason: DedupReason; keptId: string }[];
}

export function jaccard(a: readonly string[], b: readonly string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  if (sa.size === 0 && sb.size === 0) return 1;
  let inter = 0;
  for (const t of sa) if (sb.has(t)) inter++;
  return inter / (sa.size + sb.size - inter);
}

function commonPrefix(a: readonly string[], b: readonly string[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** How two memories relate, or null when they are distinct facts. */
export function relation(a: readonly string[], b: readonly string[], rules: DedupRules): DedupReason | null {
  if (jaccard(a, b) >= rules.duplicateJaccard) return "duplicate";
  const prefix = commonPrefix(a, b);
  if (prefix >= rules.minPrefixTokens && prefix >= rules.prefixShare * Math.max(a.length, b.length)) {
    return "superseded";
  }
  return null;
}

function recency(m: Dedupable): number {
  const t = Date.parse(m.updatedAt ?? m.createdAt ?? "");
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

/** Greedy single pass over items in rank order; O(n^2) on at most the over-fetch size (about 50). */
export function removeNearDuplicates<T extends Dedupable>(
  items: readonly T[],
  rules: DedupRules = DEFAULT_DEDUP,
): DedupResult<T> {
  const kept: { item: T; tokens: string[] }[] = [];
  const dropped: DedupResult<T>["dropped"] = [];
  for (const item of items) {
    const tokens = words(item.text);
    const idx = kept.findIndex((k) => relation(k.tokens, tokens, rules) !== null);
    const existing = idx >= 0 ? kept[idx] : undefined;
    if (!existing) {
      kept.push({ item, tokens });
      continue;
    }
    const reason = relation(existing.tokens, tokens, rules) as DedupReason;
    if (recency(item) > recency(existing.item)) {
      // The newer one takes the better rank: it is the current version of the same fact.
      dropped.push({ item: existing.item, reason, keptId: item.id });
      kept[idx] = { item, tokens };
    } else {
      dropped.push({ item, reason, keptId: existing.item.id });
    }
  }
  return { kept: kept.map((k) => k.item), dropped };
}
