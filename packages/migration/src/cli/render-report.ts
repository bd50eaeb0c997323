/** Plain-text reports for the terminal: one line per workspace, reasons spelled out. */
import type { LedgerTotals } from "../run/ledger-report.js";
import type { RunSummary } from "../run/migrate.js";
import type { WorkspaceCounts } from "../run/run-counters.js";
import type { WorkspaceVerdict } from "../verify/verify.js";

const reasons = (r: Record<string, number>): string => {
  const entries = Object.entries(r).sort(([a], [b]) => a.localeCompare(b));
  const total = entries.reduce((s, [, n]) => s + n, 0);
  return entries.length ? `${total} (${entries.map(([k, n]) => `${k} ${n}`).join(", ")})` : "0";
};

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

export function renderRun(summary: RunSummary): string {
  const rows = [...summary.counters.byWorkspace].sort(([a], [b]) => a.localeCompare(b));
  const body = table(
    ["workspace", "read", "migrated", "recovered", "already", "skipped", "quarantined", "failed"],
    rows.map(([ws, c]: [string, WorkspaceCounts]) => [
      ws,
      String(c.read),
      String(c.migrated),
      String(c.recovered),
      String(c.alreadyDecided),
      reasons(c.skipped),
      reasons(c.quarantined),
      String(c.failed),
    ]),
  );
  const secs = (summary.elapsedMs / 1000).toFixed(1);
  return [
    `${summary.mode}: ${summary.stoppedBecause} after ${summary.rowsRead} rows in ${secs} s ` +
      `(${Math.round(summary.rowsPerSec)} rows/s, peak RSS ${Math.round(summary.peakRssBytes / 2 ** 20)} MB)`,
    "",
    "This run, per workspace:",
    body,
  ].join("\n");
}

export function renderTotals(totals: readonly LedgerTotals[]): string {
  return [
    "Ledger totals (all runs), per workspace:",
    table(
      ["workspace", "read", "migrated", "skipped", "quarantined", "failed", "in flight"],
      totals.map((t) => [
        t.workspaceId,
        String(t.read),
        String(t.migrated),
        reasons(t.skipped),
        reasons(t.quarantined),
        String(t.failed),
        String(t.inFlight),
      ]),
    ),
  ].join("\n");
}

export function renderVerdicts(verdicts: readonly WorkspaceVerdict[]): string {
  return [
    "Verification, per workspace:",
    table(
      [
        "workspace",
        "eligible",
        "in mem0",
        "missing",
        "incomplete",
        "no facts",
        "duplicates",
        "overlap",
        "verdict",
      ],
      verdicts.map((v) => [
        v.workspaceId,
        String(v.eligible),
        String(v.present),
        String(v.missing),
        String(v.incomplete),
        String(v.emptyExtraction),
        String(v.duplicates),
        v.overlap === null ? "-" : `${v.overlap.toFixed(2)} (${v.queries.length} q, k=${v.bar.topK})`,
        v.passed ? "PASS" : `FAIL: ${v.reasons.join("; ")}`,
      ]),
    ),
  ].join("\n");
}
