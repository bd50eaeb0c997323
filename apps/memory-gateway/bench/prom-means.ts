/**
 * Mean latencies (ms) from a Prometheus text page: `<histogram>_sum / <histogram>_count` per label set. The
 * load scenario reports them next to its client-side percentiles, so a slow run shows where the time went
 * (the gateway's procedures vs mem0's answers).
 */
export function histogramMeansMs(
  text: string,
  histogram: string,
): Record<string, { count: number; meanMs: number }> {
  return histogramDeltaMeansMs("", text, histogram);
}

/**
 * The same over a window: what was observed between two pages of the same process (`before` read at the
 * window's start, `after` at its end), so warm-up and idle calls do not dilute a load's means.
 */
export function histogramDeltaMeansMs(
  before: string,
  after: string,
  histogram: string,
): Record<string, { count: number; meanMs: number }> {
  const start = histogramTotals(before, histogram);
  const end = histogramTotals(after, histogram);
  const out: Record<string, { count: number; meanMs: number }> = {};
  for (const [labels, total] of end) {
    const count = total.count - (start.get(labels)?.count ?? 0);
    if (count <= 0) continue;
    const sum = total.sum - (start.get(labels)?.sum ?? 0);
    out[labels.replace(/"/g, "")] = { count, meanMs: Math.round((sum / count) * 1e5) / 100 };
  }
  return out;
}

function histogramTotals(text: string, histogram: string): Map<string, { sum: number; count: number }> {
  const totals = new Map<string, { sum: number; count: number }>();
  const line = new RegExp(`^${histogram}_(sum|count)\\{([^}]*)\\} ([0-9.eE+-]+)$`);
  for (const row of text.split("\n")) {
    const m = line.exec(row);
    if (!m) continue;
    const labels = m[2] as string;
    const total = totals.get(labels) ?? { sum: 0, count: 0 };
    total[m[1] === "sum" ? "sum" : "count"] = Number(m[3]);
    totals.set(labels, total);
  }
  return totals;
}

/** The value of an unlabelled gauge, or NaN when absent. */
export function promGauge(text: string, name: string): number {
  const m = new RegExp(`^${name} ([0-9.eE+-]+)$`, "m").exec(text);
  return m ? Number(m[1]) : Number.NaN;
}

/** The gateway's `/metrics` page (loopback, no credentials). */
export async function readMetricsPage(gatewayUrl: string): Promise<string> {
  const res = await fetch(`${gatewayUrl}/metrics`, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`GET /metrics answered ${res.status}`);
  return res.text();
}
