/** Formats a CheckReport as the table mem0:check prints, and decides the exit code. */
import { CHECK_CALLS, type CheckReport } from "./check-run.js";

/** Nearest-rank percentile (no interpolation: every figure printed is a latency that was measured). */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

const ms = (v: number | undefined) => (v === undefined ? "-" : v.toFixed(1));
const pad = (s: string | number, n: number) => String(s).padEnd(n);

export function successRate(r: CheckReport): number {
  return r.rounds === 0 ? 0 : r.okRounds / r.rounds;
}

/** 0 only for a 100% success rate and a clean cleanup. */
export function exitCode(r: CheckReport): number {
  return r.rounds > 0 && r.okRounds === r.rounds && r.cleanup.ok ? 0 : 1;
}

export function formatReport(r: CheckReport): string {
  const lines = [
    `${pad("call", 8)}${pad("ok", 7)}${pad("failed", 8)}${pad("p50 ms", 9)}${pad("p95 ms", 9)}p99 ms`,
  ];
  for (const call of CHECK_CALLS) {
    const s = r.calls[call];
    const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(s.latencies, p));
    lines.push(
      `${pad(call, 8)}${pad(s.ok, 7)}${pad(s.failed, 8)}${pad(ms(p50), 9)}${pad(ms(p95), 9)}${ms(p99)}`,
    );
  }
  const rate = (successRate(r) * 100).toFixed(2);
  lines.push("", `round trip success rate: ${rate}% (${r.okRounds}/${r.rounds})`);
  lines.push(`cleanup of ${r.userId}: ${r.cleanup.ok ? "ok" : `FAILED (${r.cleanup.error})`}`);
  const errors = Object.entries(r.errors);
  if (errors.length > 0) {
    lines.push("failures:");
    for (const [what, n] of errors.sort((a, b) => b[1] - a[1])) lines.push(`  ${n} x ${what}`);
  }
  return lines.join("\n");
}
