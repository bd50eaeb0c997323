/** How many of `times` fall in each `windowMs` from `start` over `durationMs` (the last window takes the tail). */
export function countByWindow(
  times: number[],
  start: number,
  windowMs: number,
  durationMs: number,
): number[] {
  const counts = new Array<number>(Math.max(1, Math.ceil(durationMs / windowMs))).fill(0);
  for (const t of times) {
    const i = Math.min(counts.length - 1, Math.max(0, Math.floor((t - start) / windowMs)));
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}
