/**
 * Plain-text rendering of what recall did and of a memory list, shared by the terminal chat, the agents and
 * workflows demos and the main job's transcript. Stable wording: tests and readers look for these lines.
 */
import type { MemoryView } from "@automatos/memory/client";
import type { MemoryReport } from "./memory-report.js";

const ms = (n: number) => `${n.toFixed(1)} ms`;

function oneLine(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max - 1)}…` : flat);
}

export function formatMemoryReport(report: MemoryReport, indent = "  "): string[] {
  const t = report.timings;
  if (report.skipped) return [`${indent}recall: skipped (${report.skipped}), no search, ${ms(t.totalMs)}`];
  const head = report.degraded
    ? `${indent}recall: DEGRADED (${report.degradedReason}), answered without memories, ${ms(t.totalMs)}`
    : `${indent}recall: ${report.used.length} memor${report.used.length === 1 ? "y" : "ies"} used, ` +
      `${report.searches} search${report.searches === 1 ? "" : "es"}, ${ms(t.totalMs)} (search ${ms(t.searchMs)}, post-process ${ms(t.postProcessMs)})`;
  const lines = report.used.map(
    (m, i) => `${indent}  [${i + 1}] score ${m.score.toFixed(3)} ${m.scope} ${oneLine(m.text)} id=${m.id}`,
  );
  return [head, ...lines];
}

export function formatMemoryList(memories: readonly MemoryView[], truncated: boolean): string[] {
  if (memories.length === 0) return ["(no memories)"];
  const lines = memories.map((m) => `${m.id}  ${m.scope}  ${oneLine(m.text, 100)}`);
  if (truncated) lines.push("(more may exist: mem0 has no paging, the list stops at its limit)");
  return lines;
}
