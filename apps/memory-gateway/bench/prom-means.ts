/**
 * Mean latencies (ms) from a Prometheus text page: `<histogram>_sum / <histogram>_count` per label set. The
 * load scenario reports them next to its client-side percentiles, so a slow run shows where the time went
 * (the gateway's procedures vs mem0's answers).
 */
export function histogramMeansMs(
  text: string,
  histogram: string,
): Record<string, { count: number; meanMs: number }> {
  const sums = new Map<string, number>();
  const counts = new Map<string, number>();
  const line = new RegExp(`^${histogram}_(sum|count)\\{([^}]*)\\} ([0-9.eE+-]+)$`);
  for (const row of text.split("\n")) {
    const m = line.exec(row);
    if (!m) continue;
    (m[1] === "sum" ? sums : counts).set(m[2] as string, Number(m[3]));
  }
  const out: Record<string, { count: number; meanMs: number }> = {};
  for (const [labels, count] of counts) {
    if (count === 0) continue;
    out[labels.replace(/"/g, "")] = {
      count,
      meanMs: Math.round(((sums.get(labels) ?? 0) / count) * 1e5) / 100,
    };
  }
  return out;
}

/** The value of an unlabelled gauge, or NaN when absent. */
export function promGauge(text: string, name: string): number {
  const m = new RegExp(`^${name} ([0-9.eE+-]+)$`, "m").exec(text);
  return m ? Number(m[1]) : Number.NaN;
}
