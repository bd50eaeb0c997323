import type { ResultsFile } from "./results.js";

/** Renders the results file as a fixed-width table for the terminal. */
export function renderTable(results: ResultsFile): string {
  const rows = Object.entries(results).map(([id, r]) => [
    id,
    `${formatNumber(r.value)} ${r.unit}`,
    r.bar,
    r.pass ? "pass" : "FAIL",
  ]);
  if (rows.length === 0) return "no benchmark results yet";
  const header = ["id", "value", "bar", "result"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] as number)).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

function formatNumber(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return Math.abs(v) >= 100 ? v.toFixed(1) : v.toPrecision(3);
}
