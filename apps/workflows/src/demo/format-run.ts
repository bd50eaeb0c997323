/** A workflow run report as transcript lines (the workflows demo command and the main job print these). */
import type { ForgetOutcome } from "../runner/forget-run.js";
import type { RunReport } from "../runner/run-report.js";

export function formatRunReport(report: RunReport): string[] {
  const lines = [
    `  run ${report.runId} of ${report.workflowId}: ${report.status} in ${report.totalMs.toFixed(0)} ms`,
  ];
  for (const [i, s] of report.steps.entries())
    lines.push(
      `    step ${i + 1} ${s.name}: ${s.summary} (run memory: ${s.notesWritten} written, ${s.notesRead} read; ${s.ms.toFixed(1)} ms)`,
    );
  if (report.failure) lines.push(`    failed in ${report.failure.step}: ${report.failure.error}`);
  lines.push(`    ${describeForget(report.forgotten)}`);
  return lines;
}

/** mem0 deletes a whole scope without saying how many memories went (deleted: null). */
export function describeForget(f: ForgetOutcome): string {
  if (!f.ok) return `run memory NOT forgotten (${f.error}); the TTL sweep will retry`;
  const count = f.deleted === null ? "the whole run scope deleted" : `${f.deleted} memories deleted`;
  return `run memory forgotten: ${count}${f.complete ? "" : " (incomplete: left to the TTL sweep)"}`;
}
