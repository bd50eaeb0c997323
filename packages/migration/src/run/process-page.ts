/**
 * One page of the backfill: plan (parse, resolve, classify), drop rows decided by earlier runs, de-duplicate
 * against the ledger, write ahead `in_flight`, send with bounded concurrency and rate, and return the ledger
 * writes for the page (committed by the caller together with the checkpoint).
 */
import type { Db } from "@automatos/db";
import {
  dedupeHolders,
  FINAL_STATUSES,
  type LedgerWrite,
  loadLedger,
  writeLedger,
} from "../ledger/ledger-store.js";
import type { LegacyRow } from "../legacy/legacy-row.js";
import type { OwnerLookupCache } from "../legacy/owner-lookups.js";
import type { LegacySession } from "../legacy/read-rows.js";
import type { Mem0Port } from "../mem0/mem0-port.js";
import type { ClassifyOptions, Decision } from "../plan/classify-row.js";
import { dedupeDecisions, planPage } from "../plan/plan-page.js";
import type { RunCounters } from "./run-counters.js";
import { mayBeInMem0, scopeColumns, sendRow } from "./send-row.js";

export interface PageContext {
  session: LegacySession;
  cache: OwnerLookupCache;
  classify: ClassifyOptions;
  /** Only rows resolving to this workspace are handled (others are left for their own run). */
  workspaceId: string | null;
  counters: RunCounters;
  /** Run mode: ledger + mem0. Absent: dry run (nothing written, de-duplication in memory). */
  live?: {
    db: Db;
    mem0: Mem0Port;
    /** Runs a send under the run's concurrency and rate limits. */
    schedule: <T>(fn: () => Promise<T>) => Promise<T>;
    addTimeoutMs: number;
    onSent: (ok: boolean) => void;
  };
  /** Dry run: dedupe keys seen so far. */
  dryKeys?: Set<string>;
}

export interface PageResult {
  writes: LedgerWrite[];
  /** Rows of the page that belong to the handled workspace(s). */
  handled: number;
  failed: number;
}

export async function processPage(ctx: PageContext, rows: readonly LegacyRow[]): Promise<PageResult> {
  let decisions = await planPage(ctx.session, ctx.cache, rows, ctx.classify);
  if (ctx.workspaceId) decisions = decisions.filter((d) => d.workspaceId === ctx.workspaceId);
  const live = ctx.live;
  const previous = live
    ? await loadLedger(
        live.db,
        decisions.map((d) => d.row.id),
      )
    : new Map();

  const open: Decision[] = [];
  for (const d of decisions) {
    ctx.counters.of(d.workspaceId).read++;
    const prev = previous.get(d.row.id);
    if (prev && FINAL_STATUSES.includes(prev.status)) ctx.counters.of(d.workspaceId).alreadyDecided++;
    else open.push(d);
  }

  const keys = open.flatMap((d) => (d.kind === "migrate" ? [d.dedupeKey] : []));
  const holders = live ? await dedupeHolders(live.db, keys) : dryHolders(ctx.dryKeys, keys);
  const { decisions: deduped, duplicateOf } = dedupeDecisions(open, holders);
  if (!live) {
    for (const d of deduped) {
      if (d.kind === "migrate") {
        ctx.dryKeys?.add(d.dedupeKey);
        ctx.counters.of(d.workspaceId).migrated++;
      } else count(ctx.counters, d);
    }
    return { writes: [], handled: decisions.length, failed: 0 };
  }

  const writes: LedgerWrite[] = [];
  const toSend: Extract<Decision, { kind: "migrate" }>[] = [];
  for (const d of deduped) {
    if (d.kind === "migrate") {
      toSend.push(d);
      continue;
    }
    count(ctx.counters, d);
    writes.push({
      legacyId: d.row.id,
      workspaceId: d.workspaceId,
      status: d.kind === "skip" ? "skipped" : "quarantined",
      reason: d.reason,
      duplicateOf: duplicateOf.get(d.row.id) ?? null,
    });
  }

  await writeLedger(
    live.db,
    toSend.map((d) => ({
      legacyId: d.row.id,
      workspaceId: d.workspaceId,
      status: "in_flight",
      dedupeKey: d.dedupeKey,
      ...scopeColumns(d),
    })),
  );

  let failed = 0;
  const outcomes = await Promise.all(
    toSend.map((d) =>
      live.schedule(() =>
        sendRow(live.mem0, d, {
          lookupFirst: mayBeInMem0(previous.get(d.row.id)),
          timeoutMs: live.addTimeoutMs,
        }),
      ),
    ),
  );
  outcomes.forEach((o, i) => {
    const ws = toSend[i]?.workspaceId ?? null;
    const c = ctx.counters.of(ws);
    if (o.result === "failed") {
      c.failed++;
      failed++;
    } else if (o.result === "recovered") c.recovered++;
    else c.migrated++;
    live.onSent(o.result !== "failed");
    writes.push(o.write);
  });
  return { writes, handled: decisions.length, failed };
}

function count(counters: RunCounters, d: Exclude<Decision, { kind: "migrate" }>): void {
  if (d.kind === "skip") counters.skip(d.workspaceId, d.reason);
  else counters.quarantine(d.workspaceId, d.reason);
}

function dryHolders(seen: Set<string> | undefined, keys: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const k of keys) if (seen?.has(k)) out.set(k, "(earlier row)");
  return out;
}
