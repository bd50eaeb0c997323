/** The actions of `pnpm migrate:legacy`, each returning its exit code (0 ok, 1 incomplete or refused). */
import { writeFileSync } from "node:fs";
import { type Db, schema } from "@automatos/db";
import { CutoverRefusedError, setWorkspaceMode } from "../cutover/workspace-mode.js";
import { listCheckpoints } from "../ledger/checkpoint-store.js";
import { ledgerTotals } from "../run/ledger-report.js";
import { runMigration } from "../run/migrate.js";
import { verifyMigration } from "../verify/verify.js";
import type { Connections } from "./connections.js";
import type { Action, CliOptions } from "./options.js";
import { createProgressBar } from "./progress-bar.js";
import { renderRun, renderTotals, renderVerdicts } from "./render-report.js";

const out = (s: string) => process.stdout.write(`${s}\n`);

function saveJson(path: string | undefined, value: unknown): void {
  if (path) writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

export async function runAction(
  action: Exclude<Action, "status" | "set-mode" | "verify">,
  o: CliOptions,
  c: Connections,
  signal: AbortSignal,
): Promise<number> {
  const bar = createProgressBar(o.progress);
  try {
    const summary = await runMigration(
      { legacy: c.legacy!, db: c.database?.db, mem0: c.mem0 },
      {
        mode: action,
        workspaceId: o.workspace ?? null,
        concurrency: o.concurrency,
        rate: o.rate ?? null,
        pageSize: o.pageSize,
        infer: o.infer,
        workflowScope: o.workflowScope,
        defaultWorkspaceId: o.defaultWorkspace ?? null,
        addTimeoutMs: o.addTimeoutMs,
        maxConsecutiveFailures: o.maxConsecutiveFailures,
        signal,
        onProgress: (p) => bar.update(p),
      },
    );
    bar.stop();
    out(renderRun(summary));
    const totals = c.database ? await ledgerTotals(c.database.db, o.workspace) : null;
    if (totals) out(`\n${renderTotals(totals)}`);
    saveJson(o.reportJson, {
      action,
      stoppedBecause: summary.stoppedBecause,
      rowsRead: summary.rowsRead,
      elapsedMs: summary.elapsedMs,
      rowsPerSec: summary.rowsPerSec,
      peakRssBytes: summary.peakRssBytes,
      cpuMs: summary.cpuMs,
      run: Object.fromEntries(summary.counters.byWorkspace),
      totals,
    });
    if (summary.stoppedBecause !== "finished") {
      out(`\nStopped (${summary.stoppedBecause}): run again with --resume to continue.`);
      return 1;
    }
    const failed = totals?.reduce((s, t) => s + t.failed + t.inFlight, 0) ?? 0;
    if (failed > 0) out(`\n${failed} row(s) failed: --resume retries them.`);
    return failed > 0 ? 1 : 0;
  } finally {
    bar.stop();
  }
}

export async function verifyAction(o: CliOptions, c: Connections): Promise<number> {
  const verdicts = await verifyMigration(
    { legacy: c.legacy!, db: c.database!.db, mem0: c.mem0! },
    {
      workspaceId: o.workspace ?? null,
      pageSize: o.pageSize,
      sampleQueries: o.sampleQueries,
      topK: o.topK,
      minOverlap: o.minOverlap,
      concurrency: o.concurrency,
      workflowScope: o.workflowScope,
      defaultWorkspaceId: o.defaultWorkspace ?? null,
    },
  );
  out(renderVerdicts(verdicts));
  saveJson(o.reportJson, { action: "verify", verdicts });
  return verdicts.every((v) => v.passed) ? 0 : 1;
}

export async function statusAction(o: CliOptions, db: Db): Promise<number> {
  const totals = await ledgerTotals(db, o.workspace);
  const checkpoints = await listCheckpoints(db);
  const modes = await db.select().from(schema.workspaceMemoryMode);
  const verdicts = await db.select().from(schema.migrationVerification);
  out(renderTotals(totals));
  out("\nCheckpoints:");
  for (const cp of checkpoints) {
    const where = cp.position ? `after ${cp.position.sortTs} / ${cp.position.id}` : "at the start";
    out(
      `  ${cp.name}: ${where}, ${cp.rowsRead} rows read, ${cp.finishedAt ? `finished ${cp.finishedAt.toISOString()}` : "not finished"}`,
    );
  }
  out("\nWorkspace modes (absent = legacy):");
  for (const m of modes) {
    const v = verdicts.find((x) => x.workspaceId === m.workspaceId);
    out(
      `  ${m.workspaceId}: ${m.mode}${v ? ` (verification ${v.passed ? "passed" : "failed"} ${v.verifiedAt.toISOString()})` : ""}`,
    );
  }
  saveJson(o.reportJson, { action: "status", totals, checkpoints, modes, verdicts });
  return 0;
}

export async function setModeAction(o: CliOptions, db: Db): Promise<number> {
  try {
    const r = await setWorkspaceMode(db, o.workspace!, o.setMode!, { updatedBy: o.updatedBy });
    out(`workspace ${r.workspaceId}: ${r.previous} -> ${r.mode}`);
    if (r.previous === "mem0" && r.mode === "legacy") {
      out("warning: memories written while the workspace was in mem0 mode are not in the legacy store");
    }
    return 0;
  } catch (err) {
    if (err instanceof CutoverRefusedError) {
      out(`refused: ${err.message}`);
      return 1;
    }
    throw err;
  }
}
