/**
 * Cumulative per-workspace totals from the ledger: exact whatever happened to earlier runs (crashes,
 * resumes, retries), because every legacy row has exactly one ledger row.
 */
import { type Db, schema } from "@automatos/db";
import { and, count, eq } from "drizzle-orm";
import { LEGACY_TABLE } from "../plan/build-request.js";
import { NO_WORKSPACE } from "./run-counters.js";

export interface LedgerTotals {
  workspaceId: string;
  read: number;
  migrated: number;
  skipped: Record<string, number>;
  quarantined: Record<string, number>;
  failed: number;
  inFlight: number;
}

const t = schema.migrationLedger;

export async function ledgerTotals(db: Db, workspaceId?: string | null): Promise<LedgerTotals[]> {
  const rows = await db
    .select({ workspaceId: t.workspaceId, status: t.status, reason: t.reason, n: count() })
    .from(t)
    .where(and(eq(t.legacyTable, LEGACY_TABLE), workspaceId ? eq(t.workspaceId, workspaceId) : undefined))
    .groupBy(t.workspaceId, t.status, t.reason);
  const byWs = new Map<string, LedgerTotals>();
  for (const r of rows) {
    const key = r.workspaceId ?? NO_WORKSPACE;
    let w = byWs.get(key);
    if (!w) {
      w = { workspaceId: key, read: 0, migrated: 0, skipped: {}, quarantined: {}, failed: 0, inFlight: 0 };
      byWs.set(key, w);
    }
    const n = Number(r.n);
    w.read += n;
    if (r.status === "done") w.migrated += n;
    else if (r.status === "failed") w.failed += n;
    else if (r.status === "in_flight") w.inFlight += n;
    else if (r.status === "skipped")
      w.skipped[r.reason ?? "unknown"] = (w.skipped[r.reason ?? "unknown"] ?? 0) + n;
    else w.quarantined[r.reason ?? "unknown"] = (w.quarantined[r.reason ?? "unknown"] ?? 0) + n;
  }
  return [...byWs.values()].sort((a, b) => a.workspaceId.localeCompare(b.workspaceId));
}
