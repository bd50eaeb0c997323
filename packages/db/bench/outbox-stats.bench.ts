/**
 * P7-outbox-stats: what `outbox.stats()` (the gateway's /healthz and /metrics) costs as delivered rows pile up,
 * on a file-backed PGlite (the embedded default, where the query runs on the gateway's own event loop).
 * Delivered rows shaped like P11's turns are added up to 1M (P11's 100-user rate leaves ~100k after 18
 * minutes and 1M after 3 hours without a purge), with a steady backlog of pending, in-flight and dead rows.
 * At each size (after what the housekeeping leaves: a plain vacuum, the purge's two columns analyzed): the
 * median of 7 stats() calls, and beside it the whole-table count it replaced (the query
 * before migrations/0006, rebuilt here as the reference), both checked to give the same figures. Then one
 * housekeeping pass at 1M rows (the purge past the retention and the vacuum), each statement timed.
 * Run: `pnpm bench @automatos/db` from the repo root.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { writeResult } from "@automatos/bench";
import { sql } from "drizzle-orm";
import { createDb, type Db } from "../src/create-db.js";
import { createOutboxMaintenance } from "../src/outbox/maintenance.js";
import { createOutbox, type Outbox } from "../src/outbox/outbox.js";
import { countOutboxRows } from "../src/testing/outbox-counts.js";

const SIZES = [10_000, 100_000, 1_000_000];
const CHUNK = 50_000;
const CALLS = 7;
const BACKLOG = { pending: 200, in_flight: 64, dead: 20 };
const BAR_MS = 10;
/** Rows past the retention in the housekeeping pass: ~2 minutes of P11's 100-user rate, above one 10-minute pass at 15 turns/s. */
const HOUSEKEEPING_ROWS = 10_000;

/** Rows `from`..`to`-1 in `status`, payloads as long as a P11 turn's two messages. */
async function addRows(db: Db, status: string, from: number, to: number): Promise<void> {
  for (let start = from; start < to; start += CHUNK) {
    const end = Math.min(to, start + CHUNK);
    await db.execute(sql`insert into outbox
      (idempotency_key, user_id, payload, payload_hash, status, attempts, failures, delivered_at,
       claimed_by, claimed_until)
      select ${status} || '-' || g, 'workspace_w' || (g % 50) || '_user_u' || (g % 400),
        jsonb_build_object('messages', jsonb_build_array(
          jsonb_build_object('role', 'user', 'content',
            'I have been getting into sourdough baking lately and I spend most Sunday mornings on it. [p11 u' || g || ']'),
          jsonb_build_object('role', 'assistant', 'content',
            'Noted, I will keep that in mind about sourdough baking. [p11 u' || g || ' reply]')),
          'infer', false),
        md5(g::text), ${status}, 1, case when g % 10 = 0 then 1 else 0 end,
        case when ${status} = 'delivered' then now() end,
        case when ${status} = 'in_flight' then 'bench-relay' end,
        case when ${status} = 'in_flight' then now() + interval '1 hour' end
      from generate_series(${start}::int, ${end - 1}::int) as g`);
  }
}

async function medianMs<T>(fn: () => Promise<T>): Promise<{ ms: number; last: T }> {
  const times: number[] = [];
  let last = await fn(); // plan and cache, not counted
  for (let i = 0; i < CALLS; i++) {
    const t0 = performance.now();
    last = await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: Number((times[Math.floor(CALLS / 2)] ?? 0).toFixed(2)), last };
}

/**
 * One pass of createOutboxMaintenance (what the memory stack runs every 10 minutes) at the largest size, with
 * HOUSEKEEPING_ROWS delivered rows past the retention: every statement timed, since on PGlite each one holds
 * the event loop for its whole duration.
 */
async function housekeepingPass(db: Db, outbox: Outbox) {
  await db.execute(sql`update outbox set delivered_at = now() - interval '30 hours' where id in
    (select id from outbox where status = 'delivered' order by delivered_at, id limit ${HOUSEKEEPING_ROWS})`);
  await outbox.vacuum({ analyze: false }); // the update's dead rows are not the pass's work
  const batchMs: number[] = [];
  let vacuumMs = 0;
  let analyzeMs = 0;
  const timed: Outbox = {
    ...outbox,
    async purgeDelivered(o) {
      const t0 = performance.now();
      const n = await outbox.purgeDelivered(o);
      batchMs.push(performance.now() - t0);
      return n;
    },
    async analyzeForPurge() {
      const t0 = performance.now();
      await outbox.analyzeForPurge();
      analyzeMs = performance.now() - t0;
    },
    async vacuum(o) {
      const t0 = performance.now();
      await outbox.vacuum(o);
      vacuumMs = performance.now() - t0;
    },
  };
  const pass = await createOutboxMaintenance({
    outbox: timed,
    retentionMs: 24 * 3_600_000,
    vacuum: true,
  }).runOnce();
  const sorted = [...batchMs].sort((a, b) => a - b);
  return {
    purged: pass.purged,
    batches: pass.batches,
    passMs: pass.ms,
    batchMsMedian: Number((sorted[Math.floor(sorted.length / 2)] ?? 0).toFixed(1)),
    batchMsMax: Number((sorted[sorted.length - 1] ?? 0).toFixed(1)),
    analyzeMs: Number(analyzeMs.toFixed(1)),
    vacuumMs: Number(vacuumMs.toFixed(1)),
  };
}

const loadBefore = loadavg()[0] ?? 0;
let housekeeping: Awaited<ReturnType<typeof housekeepingPass>> | null = null;
const dir = mkdtempSync(join(tmpdir(), "outbox-stats-"));
const bySize: Record<string, { statsMs: number; wholeTableCountMs: number }> = {};
try {
  const database = await createDb({ dataDir: join(dir, "pg") });
  const outbox = createOutbox(database.db);
  let offset = 0;
  for (const [status, n] of Object.entries(BACKLOG)) {
    await addRows(database.db, status, offset, offset + n);
    offset += n;
  }
  let delivered = 0;
  for (const size of SIZES) {
    await addRows(database.db, "delivered", offset + delivered, offset + size);
    delivered = size;
    // What the housekeeping leaves on PGlite: a plain vacuum and the purge's two columns analyzed, no more.
    await outbox.vacuum({ analyze: false });
    await outbox.analyzeForPurge();
    const fast = await medianMs(() => outbox.stats());
    const full = await medianMs(() => countOutboxRows(database.db));
    const { oldestPendingAgeMs: _, ...counts } = fast.last;
    if (!isDeepStrictEqual(counts, full.last))
      throw new Error(
        `stats() ${JSON.stringify(counts)} differs from a full count ${JSON.stringify(full.last)}`,
      );
    bySize[size] = { statsMs: fast.ms, wholeTableCountMs: full.ms };
    console.log(
      `outbox-stats at ${size} delivered rows: stats() ${fast.ms} ms, whole-table count ${full.ms} ms`,
    );
  }
  housekeeping = await housekeepingPass(database.db, outbox);
  console.log(`outbox housekeeping at 1M: ${JSON.stringify(housekeeping)}`);
  await database.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const largest = bySize[SIZES[SIZES.length - 1] as number] as { statsMs: number; wholeTableCountMs: number };
writeResult("P7-outbox-stats", {
  value: largest.statsMs,
  unit: "ms",
  bar: `<= ${BAR_MS} ms per stats() at 1M delivered rows (PGlite: a health probe or scrape holds the event loop this long)`,
  pass: largest.statsMs <= BAR_MS,
  details: {
    bySize,
    // One housekeeping pass at 1M rows (createOutboxMaintenance: analyze of the purge's columns, batches of
    // 1,000, then a vacuum).
    housekeepingAt1M: housekeeping,
    backlog: BACKLOG,
    callsPerSize: CALLS,
    statistic: "median",
    database: "PGlite, file-backed",
    loadAverage1m: { before: Number(loadBefore.toFixed(1)), after: Number((loadavg()[0] ?? 0).toFixed(1)) },
    cpus: cpus().length,
  },
});
