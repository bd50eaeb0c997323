/**
 * Keyset positions compare like Postgres compares (COALESCE(created_at, '-infinity'), id):
 * `timestamp::text` sorts lexicographically in time order ('-infinity' first; the fraction has no trailing
 * zeros, and a shorter fraction is a prefix), and lower-case UUID text sorts like uuid's byte order.
 */
import type { KeysetPosition } from "../legacy/legacy-row.js";

export function compareKeyset(a: KeysetPosition, b: KeysetPosition): number {
  if (a.sortTs !== b.sortTs) return a.sortTs < b.sortTs ? -1 : 1;
  const [x, y] = [a.id.toLowerCase(), b.id.toLowerCase()];
  return x === y ? 0 : x < y ? -1 : 1;
}

export function maxKeyset(positions: readonly (KeysetPosition | null)[]): KeysetPosition | null {
  let max: KeysetPosition | null = null;
  for (const p of positions) if (p && (!max || compareKeyset(p, max) > 0)) max = p;
  return max;
}
