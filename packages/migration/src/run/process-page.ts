/**
 * One page of the backfill: plan (parse, resolve, classify), drop rows decided by earlier runs, de-duplicate
 * against the ledger, write ahead `in_flight`, send with bounded concurrency and rate, and return the ledger
 * writes for the page (committed by the caller together with the checkpoint).
 */
import type { Db } from "@automatos/db";
import { compareKeyset } from "../ledger/keyset.js";
import {
  FINAL_STATUSES,
  type LedgerEntry,
  type LedgerWrite,
  ledgerLookup,
  writeLedger,
} from "../ledger/ledger-store.js";
import type { KeysetPosition, LegacyRow } from "../legacy/legacy-row.js";
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
  /** Dedupe keys of pages planned but not committed yet (dedupe key -> legacy id). */
  pendingKeys: Map<string, string>;
  /** A dead run may have sent unledgered rows up to here (the checkpoints' pending marks). */
  uncertainUpTo: KeysetPosition | null;
}

/** A planned page waiting for its sends. */
export interface PreparedPage {
  /** Ledger writes of rows decided without mem0 (skipped, quarantined). */
  writes: LedgerWrite[];
  toSend: Extract<Decision, { kind: "migrate" }>[];
  /** Rows that may already be in mem0: looked up by legacy_id before any add. */
  lookupFirst: Set<string>;
}

export interface PageResult {
  writes: LedgerWrite[];
  failed: number;
}

/**
 * Phase 1: plan, drop rows decided earlier, de-duplicate. Write-ahead is the caller's choice: the stream
 * marks the whole page pending on its checkpoint; the retry pass (`rowWriteAhead`) marks rows `in_flight`.
 * The runner overlaps this for page N+1 with the sends of page N.
 */
export async function preparePage(
  ctx: PageContext,
  rows: readonly LegacyRow[],
  options: { rowWriteAhead: boolean } = { rowWriteAhead: false },
): Promise<PreparedPage> {
  let decisions = await planPage(ctx.session, ctx.cache, rows, ctx.classify);
  if (ctx.workspaceId) decisions = decisions.filter((d) => d.workspaceId === ctx.workspaceId);
  const live = ctx.live;
  const keysOf = (ds: readonly Decision[]) => ds.flatMap((d) => (d.kind === "migrate" ? [d.dedupeKey] : []));
  const known = live
    ? await ledgerLookup(
        live.db,
        decisions.map((d) => d.row.id),
        keysOf(decisions),
      )
    : { entries: new Map<string, LedgerEntry>(), holders: dryHolders(ctx.dryKeys, keysOf(decisions)) };

  const open: Decision[] = [];
  for (const d of decisions) {
    ctx.counters.of(d.workspaceId).read++;
    const prev = known.entries.get(d.row.id);
    if (prev && FINAL_STATUSES.includes(prev.status)) ctx.counters.of(d.workspaceId).alreadyDecided++;
    else open.push(d);
  }
  for (const key of keysOf(open)) {
    const id = ctx.pendingKeys.get(key);
    if (id !== undefined && !known.holders.has(key)) known.holders.set(key, id);
  }
  const { decisions: deduped, duplicateOf } = dedupeDecisions(open, known.holders);

  const writes: LedgerWrite[] = [];
  const toSend: Extract<Decision, { kind: "migrate" }>[] = [];
  for (const d of deduped) {
    if (d.kind === "migrate") {
      if (live) toSend.push(d);
      else {
        ctx.dryKeys?.add(d.dedupeKey);
        ctx.counters.of(d.workspaceId).migrated++;
      }
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
  const lookupFirst = new Set<string>();
  for (const d of toSend) {
    ctx.pendingKeys.set(d.dedupeKey, d.row.id);
    const prev = known.entries.get(d.row.id);
    const uncertain = ctx.uncertainUpTo !== null && compareKeyset(d.row, ctx.uncertainUpTo) <= 0;
    if (prev ? mayBeInMem0(prev) : uncertain) lookupFirst.add(d.row.id);
  }
  if (live && options.rowWriteAhead) {
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
  }
  return { writes, toSend, lookupFirst };
}

/** Phase 2: send the page's rows under the run's limits; returns every ledger write of the page. */
export async function sendPage(ctx: PageContext, prepared: PreparedPage): Promise<PageResult> {
  const live = ctx.live;
  if (!live) return { writes: [], failed: 0 };
  const { toSend, lookupFirst } = prepared;
  const outcomes = await Promise.all(
    toSend.map((d) =>
      live.schedule(() =>
        sendRow(live.mem0, d, {
          lookupFirst: lookupFirst.has(d.row.id),
          timeoutMs: live.addTimeoutMs,
        }),
      ),
    ),
  );
  const writes = [...prepared.writes];
  let failed = 0;
  outcomes.forEach((o, i) => {
    const c = ctx.counters.of(toSend[i]?.workspaceId ?? null);
    if (o.result === "failed") {
      c.failed++;
      failed++;
    } else if (o.result === "recovered") c.recovered++;
    else c.migrated++;
    live.onSent(o.result !== "failed");
    writes.push(o.write);
  });
  return { writes, failed };
}

/** Sequential prepare + send with per-row write-ahead (the retry pass). */
export async function processPage(ctx: PageContext, rows: readonly LegacyRow[]): Promise<PageResult> {
  const prepared = await preparePage(ctx, rows, { rowWriteAhead: true });
  releaseKeys(ctx, prepared); // written ahead: the ledger holds the keys now
  return sendPage(ctx, prepared);
}

/** After a page's ledger rows are committed, its dedupe keys are in the ledger: forget them here. */
export function releaseKeys(ctx: PageContext, prepared: PreparedPage): void {
  for (const d of prepared.toSend)
    if (ctx.pendingKeys.get(d.dedupeKey) === d.row.id) ctx.pendingKeys.delete(d.dedupeKey);
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
