/**
 * Step 5 of recall: the token budget.
 *
 * Items arrive in rank order; each is taken if it still fits, otherwise skipped (a shorter, lower-ranked
 * memory may still fit). The fixed cost of the fence and preamble is charged once, and only if at least one
 * memory is taken. An item's cost may depend on how many items were taken before it (its index in the block).
 */

export interface BudgetResult<T> {
  kept: T[];
  dropped: T[];
  /** Sum of the kept items' costs plus the overhead (0 when nothing is kept). */
  tokens: number;
}

export function selectWithinBudget<T>(
  items: readonly T[],
  cost: (item: T, keptBefore: number) => number,
  budget: number,
  overhead: number,
): BudgetResult<T> {
  const kept: T[] = [];
  const dropped: T[] = [];
  let used = overhead;
  for (const item of items) {
    const c = cost(item, kept.length);
    if (used + c <= budget) {
      kept.push(item);
      used += c;
    } else {
      dropped.push(item);
    }
  }
  return { kept, dropped, tokens: kept.length === 0 ? 0 : used };
}
