/**
 * `--verify`: per workspace, (1) counts: legacy rows that should be in mem0 (re-planned from the legacy
 * table with the migration's own rules, not taken from the ledger) against rows mem0 holds by legacy_id,
 * plus duplicates (more memories for a row than its add created); (2) a shadow comparison on sample
 * queries (top-k overlap by legacy_id). The verdict is stored in `migration_verification`; cutover to
 * `mem0` requires a passing one.
 */
import { type Db, schema } from "@automatos/db";
import type { Mem0Ids } from "@automatos/memory-policy";
import { sql } from "drizzle-orm";
import pLimit from "p-limit";
import { loadLedger } from "../ledger/ledger-store.js";
import type { LegacyDb } from "../legacy/connect.js";
import { OwnerLookupCache } from "../legacy/owner-lookups.js";
import { withLegacyCursor } from "../legacy/read-rows.js";
import type { Mem0Port } from "../mem0/mem0-port.js";
import { scopeKey } from "../plan/classify-row.js";
import { dedupeDecisions, planPage } from "../plan/plan-page.js";
import { PresenceChecker } from "./presence.js";
import { queryFrom, SamplePicker } from "./sample-picker.js";
import { legacyTopK, mem0TopK, overlapOf, scopeLegacyIds } from "./shadow-search.js";

export interface VerifyOptions {
  workspaceId?: string | null;
  pageSize?: number;
  sampleQueries?: number;
  topK?: number;
  minOverlap?: number;
  timeoutMs?: number;
  concurrency?: number;
  /** Must match the migration run's options, or eligibility is judged by other rules. */
  workflowScope?: "agent" | "run";
  defaultWorkspaceId?: string | null;
}

export interface ShadowQuery {
  query: string;
  legacy: string[];
  mem0: string[];
  overlap: number | null;
}

export interface WorkspaceVerdict {
  workspaceId: string;
  eligible: number;
  present: number;
  missing: number;
  /** Done rows for which mem0's extraction produced no memory (infer on): not missing, nothing to find. */
  emptyExtraction: number;
  duplicates: number;
  /** Rows with fewer memories in mem0 than their add created (some deleted since). */
  incomplete: number;
  overlap: number | null;
  queries: ShadowQuery[];
  passed: boolean;
  reasons: string[];
  bar: { minOverlap: number; topK: number };
}

export const VERIFY_DEFAULTS = {
  sampleQueries: 10,
  topK: 5,
  minOverlap: 0.5,
  timeoutMs: 30_000,
  concurrency: 8,
};

interface Tally {
  eligible: number;
  present: number;
  missing: number;
  emptyExtraction: number;
  duplicates: number;
  incomplete: number;
  mem0Ids: Map<string, Mem0Ids>;
}

export async function verifyMigration(
  deps: { legacy: LegacyDb; db: Db; mem0: Mem0Port },
  options: VerifyOptions = {},
): Promise<WorkspaceVerdict[]> {
  const o = { ...VERIFY_DEFAULTS, ...options };
  const wsFilter = o.workspaceId?.toLowerCase() ?? null;
  const presence = new PresenceChecker(deps.mem0, o.timeoutMs);
  const picker = new SamplePicker(o.sampleQueries);
  const tallies = new Map<string, Tally>();
  const limit = pLimit(o.concurrency);
  const cache = new OwnerLookupCache();
  const keys = new Set<string>();
  const classify = {
    infer: false,
    workflowScope: o.workflowScope ?? "agent",
    defaultWorkspaceId: o.defaultWorkspaceId ?? null,
  } as const;

  await withLegacyCursor(deps.legacy, { pageSize: o.pageSize ?? 500 }, async (pages, session) => {
    for await (const page of pages) {
      let planned = await planPage(session, cache, page, classify);
      if (wsFilter) planned = planned.filter((d) => d.workspaceId === wsFilter);
      const holders = new Map<string, string>();
      for (const d of planned)
        if (d.kind === "migrate" && keys.has(d.dedupeKey)) holders.set(d.dedupeKey, "");
      const eligible = dedupeDecisions(planned, holders).decisions.flatMap((d) =>
        d.kind === "migrate" ? [d] : [],
      );
      for (const d of planned) tallyOf(tallies, d.workspaceId);
      const ledger = await loadLedger(
        deps.db,
        eligible.map((d) => d.row.id),
      );
      await Promise.all(
        eligible.map((d) =>
          limit(async () => {
            keys.add(d.dedupeKey);
            const tally = tallyOf(tallies, d.workspaceId);
            tally.eligible++;
            tally.mem0Ids.set(scopeKey(d.mem0Ids), d.mem0Ids);
            const text = d.request.messages.map((m) => m.content).join("\n");
            const n = await presence.count(d.mem0Ids, d.row.id, text);
            const entry = ledger.get(d.row.id);
            const created = entry?.status === "done" ? entry.mem0MemoryIds : null;
            if (n === 0) {
              if (created && created.length === 0) tally.emptyExtraction++;
              else tally.missing++;
              return;
            }
            tally.present++;
            if (created && n > created.length) tally.duplicates += n - created.length;
            if (created && n < created.length) tally.incomplete++;
            picker.offer(d.workspaceId, { legacyId: d.row.id, query: queryFrom(text), mem0Ids: d.mem0Ids });
          }),
        ),
      );
    }
  });

  const verdicts: WorkspaceVerdict[] = [];
  const scopeIds = new Map<string, string[]>();
  for (const [workspaceId, tally] of [...tallies].sort(([a], [b]) => a.localeCompare(b))) {
    if (workspaceId === "") continue;
    const queries: ShadowQuery[] = [];
    for (const s of picker.samples(workspaceId)) {
      const key = scopeKey(s.mem0Ids);
      const ids = scopeIds.get(key) ?? (await scopeLegacyIds(deps.db, s.mem0Ids));
      scopeIds.set(key, ids);
      const legacyTop = await legacyTopK(deps.legacy.db, ids, s.query, o.topK);
      const mem0Top = await mem0TopK(deps.mem0, s.mem0Ids, s.query, o.topK, o.timeoutMs);
      queries.push({
        query: s.query,
        legacy: legacyTop,
        mem0: mem0Top,
        overlap: overlapOf(legacyTop, mem0Top),
      });
    }
    const scored = queries.flatMap((q) => (q.overlap === null ? [] : [q.overlap]));
    const overlap = scored.length ? scored.reduce((a, b) => a + b, 0) / scored.length : null;
    const reasons: string[] = [];
    if (tally.missing > 0) reasons.push(`${tally.missing} eligible row(s) not in mem0`);
    if (tally.duplicates > 0) reasons.push(`${tally.duplicates} duplicate memory(ies) in mem0`);
    if (tally.incomplete > 0) reasons.push(`${tally.incomplete} row(s) with memories deleted from mem0`);
    if (overlap !== null && overlap < o.minOverlap) {
      reasons.push(`shadow overlap ${overlap.toFixed(2)} below ${o.minOverlap}`);
    }
    const { mem0Ids: _scopes, ...counts } = tally;
    verdicts.push({
      workspaceId,
      ...counts,
      overlap,
      queries,
      passed: reasons.length === 0,
      reasons,
      bar: { minOverlap: o.minOverlap, topK: o.topK },
    });
  }
  await saveVerdicts(deps.db, verdicts);
  return verdicts;
}

function tallyOf(tallies: Map<string, Tally>, workspaceId: string | null): Tally {
  const key = workspaceId ?? "";
  let t = tallies.get(key);
  if (!t) {
    t = {
      eligible: 0,
      present: 0,
      missing: 0,
      emptyExtraction: 0,
      duplicates: 0,
      incomplete: 0,
      mem0Ids: new Map(),
    };
    tallies.set(key, t);
  }
  return t;
}

async function saveVerdicts(db: Db, verdicts: readonly WorkspaceVerdict[]): Promise<void> {
  const v = schema.migrationVerification;
  for (const w of verdicts) {
    const row = {
      workspaceId: w.workspaceId,
      passed: w.passed,
      eligible: w.eligible,
      present: w.present,
      missing: w.missing,
      duplicates: w.duplicates,
      overlap: w.overlap,
      report: { ...w } as unknown as Record<string, unknown>,
    };
    await db
      .insert(v)
      .values(row)
      .onConflictDoUpdate({ target: v.workspaceId, set: { ...row, verifiedAt: sql`now()` } });
  }
}
