/**
 * The backfill: streams the legacy table page by page (one snapshot, keyset order), decides every row,
 * writes to mem0 under concurrency and rate limits, and commits each page's ledger rows together with the
 * checkpoint. `resume` first retries rows left failed or in flight, then continues after the checkpoint;
 * `run` starts from the beginning (rows already decided are skipped by the ledger, so nothing migrates
 * twice); `dry-run` decides and counts without writing anything.
 */
import type { Db } from "@automatos/db";
import {
  commitPage,
  ensureCheckpoint,
  finishCheckpoint,
  listCheckpoints,
  markPending,
  readCheckpoint,
  restartCheckpoint,
} from "../ledger/checkpoint-store.js";
import { maxKeyset } from "../ledger/keyset.js";
import { retryableIds } from "../ledger/ledger-store.js";
import type { LegacyDb } from "../legacy/connect.js";
import type { LegacyRow } from "../legacy/legacy-row.js";
import { OwnerLookupCache } from "../legacy/owner-lookups.js";
import { countRows, readRowsByIds, withLegacyCursor } from "../legacy/read-rows.js";
import type { Mem0Port } from "../mem0/mem0-port.js";
import { LEGACY_TABLE } from "../plan/build-request.js";
import { createSchedule } from "./limits.js";
import {
  type PageContext,
  type PageResult,
  type PreparedPage,
  preparePage,
  processPage,
  releaseKeys,
  sendPage,
} from "./process-page.js";
import { RunCounters, type WorkspaceCounts } from "./run-counters.js";

export type RunMode = "run" | "resume" | "dry-run";

export interface MigrationOptions {
  mode: RunMode;
  workspaceId?: string | null;
  concurrency?: number;
  /** Maximum rows sent per second (null: unlimited). */
  rate?: number | null;
  pageSize?: number;
  infer?: boolean;
  workflowScope?: "agent" | "run";
  defaultWorkspaceId?: string | null;
  /** Deadline of one mem0 add (with infer on, an add makes an LLM call: seconds). */
  addTimeoutMs?: number;
  /** Stop the run (resumable) after this many failed sends in a row: mem0 is down, not the rows. */
  maxConsecutiveFailures?: number;
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
}

export interface Progress {
  done: number;
  total: number;
  totals: WorkspaceCounts;
  rowsPerSec: number;
}

export type StopReason = "finished" | "interrupted" | "too_many_failures";

export interface RunSummary {
  mode: RunMode;
  checkpoint: string;
  stoppedBecause: StopReason;
  counters: RunCounters;
  rowsRead: number;
  elapsedMs: number;
  rowsPerSec: number;
  /** Peak resident set size of this process so far (bytes). */
  peakRssBytes: number;
  /** CPU time (user + system) this process spent in the run (ms). */
  cpuMs: number;
}

export interface MigrationDeps {
  legacy: LegacyDb;
  /** Required except for dry runs. */
  db?: Db;
  mem0?: Mem0Port;
}

export const DEFAULTS = {
  concurrency: 8,
  pageSize: 500,
  infer: true,
  addTimeoutMs: 60_000,
  maxConsecutiveFailures: 50,
} as const;

export const checkpointName = (workspaceId?: string | null): string =>
  workspaceId ? `${LEGACY_TABLE}@${workspaceId}` : LEGACY_TABLE;

export async function runMigration(deps: MigrationDeps, options: MigrationOptions): Promise<RunSummary> {
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  const dry = options.mode === "dry-run";
  if (!dry && (!deps.db || !deps.mem0))
    throw new Error(`${options.mode} needs the database and a mem0 client`);
  const workspaceId = options.workspaceId?.toLowerCase() ?? null;
  const name = checkpointName(workspaceId);
  const pageSize = options.pageSize ?? DEFAULTS.pageSize;
  // Rows any dead run (under any checkpoint) may have sent without a ledger row: looked up before sending.
  const uncertainUpTo = dry ? null : maxKeyset((await listCheckpoints(deps.db as Db)).map((c) => c.pending));
  const counters = new RunCounters();
  let consecutiveFailures = 0;
  const maxFailures = options.maxConsecutiveFailures ?? DEFAULTS.maxConsecutiveFailures;
  const ctxBase: Omit<PageContext, "session"> = {
    cache: new OwnerLookupCache(),
    classify: {
      infer: options.infer ?? DEFAULTS.infer,
      workflowScope: options.workflowScope ?? "agent",
      defaultWorkspaceId: options.defaultWorkspaceId ?? null,
    },
    workspaceId,
    counters,
    pendingKeys: new Map(),
    uncertainUpTo,
    ...(dry
      ? { dryKeys: new Set<string>() }
      : {
          live: {
            db: deps.db as Db,
            mem0: deps.mem0 as Mem0Port,
            schedule: createSchedule(options.concurrency ?? DEFAULTS.concurrency, options.rate ?? null),
            addTimeoutMs: options.addTimeoutMs ?? DEFAULTS.addTimeoutMs,
            onSent: (ok: boolean) => {
              consecutiveFailures = ok ? 0 : consecutiveFailures + 1;
            },
          },
        }),
  };

  if (options.mode === "run") await restartCheckpoint(deps.db as Db, name);
  if (!dry) await ensureCheckpoint(deps.db as Db, name);
  const after =
    options.mode === "resume" ? ((await readCheckpoint(deps.db as Db, name))?.position ?? null) : null;

  let rowsRead = 0;
  let stoppedBecause: StopReason = "finished";
  const shouldStop = (): StopReason | null => {
    if (options.signal?.aborted) return "interrupted";
    if (consecutiveFailures >= maxFailures) return "too_many_failures";
    return null;
  };

  await withLegacyCursor(deps.legacy, { after, pageSize }, async (pages, session) => {
    const ctx: PageContext = { ...ctxBase, session };
    const total = await countRows(session, after);
    const report = () =>
      options.onProgress?.({
        done: rowsRead,
        total,
        totals: counters.totals(),
        rowsPerSec: rowsRead / Math.max((performance.now() - started) / 1000, 1e-3),
      });
    report();

    // Resume: rows a dead run left failed or in flight come first (they are behind the checkpoint).
    if (options.mode === "resume" && after) {
      for await (const ids of retryableIds(deps.db as Db, { workspaceId, pageSize })) {
        const rows = await readRowsByIds(session, ids, after);
        const { writes } = await processPage(ctx, rows);
        await commitPage(deps.db as Db, writes, null);
        const stop = shouldStop();
        if (stop) {
          stoppedBecause = stop;
          return;
        }
      }
    }

    // Pipeline of depth 2: page N+1 is fetched, planned and written ahead while page N's sends are in
    // flight. Pages still commit in order, so the checkpoint only ever covers finished pages.
    type InFlight = { prepared: PreparedPage; done: Promise<PageResult>; last: LegacyRow; size: number };
    let inFlight: InFlight | null = null;
    const commit = async (page: InFlight) => {
      const { writes } = await page.done;
      if (!dry) {
        await commitPage(deps.db as Db, writes, {
          name,
          position: { sortTs: page.last.sortTs, id: page.last.id },
          rowsRead: page.size,
        });
      }
      releaseKeys(ctx, page.prepared);
      rowsRead += page.size;
      report();
    };
    for await (const page of pages) {
      // Checked before planning: a page that is not planned is neither counted nor in the ledger.
      const stop = shouldStop();
      if (stop) {
        stoppedBecause = stop;
        break;
      }
      const prepared = await preparePage(ctx, page);
      if (inFlight) await commit(inFlight);
      const last = page[page.length - 1] as LegacyRow;
      // Write-ahead for the whole page before its first add (see checkpoint-store.ts).
      if (!dry && prepared.toSend.length > 0) await markPending(deps.db as Db, name, last);
      inFlight = { prepared, done: sendPage(ctx, prepared), last, size: page.length };
    }
    if (inFlight) await commit(inFlight);
  });

  if (!dry && stoppedBecause === "finished") await finishCheckpoint(deps.db as Db, name);
  const elapsedMs = performance.now() - started;
  return {
    mode: options.mode,
    checkpoint: name,
    stoppedBecause,
    counters,
    rowsRead,
    elapsedMs,
    rowsPerSec: rowsRead / Math.max(elapsedMs / 1000, 1e-3),
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    cpuMs: (({ user, system }) => (user + system) / 1000)(process.cpuUsage(cpuAtStart)),
  };
}
