import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { claimDue } from "../src/outbox/claim.js";
import { OutboxValidationError } from "../src/outbox/errors.js";
import { createOutboxMaintenance } from "../src/outbox/maintenance.js";
import { purgeBatch } from "../src/outbox/outbox.js";
import { queryRows } from "../src/sql-rows.js";
import { describeBackends } from "../src/testing/backends.js";
import { settleAll, useOutboxDatabase } from "../src/testing/outbox-fixture.js";

const HOUR = 3_600_000;

const job = (key: string) => ({
  idempotencyKey: key,
  mem0Ids: { user_id: "workspace_w1_user_u1" },
  payload: { messages: [{ role: "user", content: `remember ${key}` }], infer: false },
});

describeBackends("outbox maintenance", (backend) => {
  const f = useOutboxDatabase(backend);

  /** Enqueues `keys`, delivers them all, and dates their delivery `hoursAgo` hours back. */
  async function delivered(keys: string[], hoursAgo: number): Promise<void> {
    const db = f.t.database.db;
    for (const k of keys) await f.outbox.enqueue(job(k));
    const rows = await claimDue(db, { relayId: "r1", limit: keys.length, leaseMs: 60_000 });
    await settleAll(db, "r1", rows, "delivered");
    await db.execute(sql`update outbox set delivered_at = now() - ${hoursAgo}::int * interval '1 hour'
      where idempotency_key in (${sql.join(
        keys.map((k) => sql`${k}`),
        sql`, `,
      )})`);
  }

  const keys = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

  it("deletes only delivered jobs past the retention, a batch at a time, and keeps everything else", async () => {
    await delivered(keys("old", 7), 30);
    await delivered(keys("recent", 3), 1);
    await f.outbox.enqueue(job("waiting"));
    const db = f.t.database.db;
    const dead = await f.outbox.enqueue(job("dead"));
    await db.execute(sql`update outbox set status = 'dead', updated_at = now() - interval '40 hours'
      where id = ${dead.jobId}`);

    const maintenance = createOutboxMaintenance({
      outbox: f.outbox,
      retentionMs: 24 * HOUR,
      batchSize: 3,
      pauseMs: 0,
    });
    const pass = await maintenance.runOnce();
    expect(pass).toMatchObject({ purged: 7, batches: 3, vacuumed: false });
    const left = await queryRows<{ key: string }>(
      db,
      sql`select idempotency_key as key from outbox order by 1`,
    );
    expect(left.map((r) => r.key)).toEqual(["dead", ...keys("recent", 3), "waiting"]);
    expect(await f.outbox.stats()).toMatchObject({ delivered: 3, pending: 1, dead: 1 });
    // A purged key is free again: the same remember is a new job now.
    expect((await f.outbox.enqueue(job("old-0"))).duplicate).toBe(false);
    expect(await maintenance.runOnce()).toMatchObject({ purged: 0, batches: 1 });
  });

  it("vacuums after a pass when asked (PGlite has no autovacuum)", async () => {
    await delivered(keys("old", 4), 30);
    const maintenance = createOutboxMaintenance({
      outbox: f.outbox,
      retentionMs: HOUR,
      vacuum: true,
      pauseMs: 0,
    });
    const db = f.t.database.db;
    const vacuumCount = async () =>
      (
        await queryRows<{ n: number }>(
          db,
          sql`select vacuum_count::int as n from pg_stat_user_tables where relname = 'outbox'`,
        )
      )[0]?.n ?? 0;
    const analyzeCount = async () =>
      (
        await queryRows<{ n: number }>(
          db,
          sql`select analyze_count::int as n from pg_stat_user_tables where relname = 'outbox'`,
        )
      )[0]?.n ?? 0;
    const before = { vacuums: await vacuumCount(), analyzes: await analyzeCount() };
    expect(await maintenance.runOnce()).toMatchObject({ purged: 4, vacuumed: true });
    // PostgreSQL's statistics reach pg_stat_user_tables at the end of a transaction, PGlite's at once.
    await expect.poll(vacuumCount, { timeout: 5_000 }).toBeGreaterThan(before.vacuums);
    await expect.poll(analyzeCount, { timeout: 5_000 }).toBeGreaterThan(before.analyzes);
  });

  it("walks outbox_delivered_idx in order for a batch once the purge's columns are analyzed, whatever else is", async () => {
    // Without statistics the planner reads every eligible row through a bitmap and sorts them for one batch
    // (~130 ms per batch at 300k eligible rows on PGlite): migrations/0008, analyzeForPurge.
    const db = f.t.database.db;
    await db.execute(sql`insert into outbox (idempotency_key, user_id, payload, payload_hash, status, delivered_at)
      select 'bulk-' || g, 'workspace_w1_user_u1', '{"messages":[]}'::jsonb, md5(g::text), 'delivered',
        now() - interval '2 days' + g * interval '1 millisecond'
      from generate_series(1, 20000) as g`);
    await f.outbox.analyzeForPurge();
    const plan = (
      await queryRows<Record<string, string>>(db, sql`explain ${purgeBatch(db, 24 * HOUR, 1_000)}`)
    )
      .map((r) => Object.values(r)[0])
      .join("\n");
    expect(plan).toMatch(/Index Scan using outbox_delivered_idx/);
    expect(plan).not.toMatch(/Sort|Bitmap/);
    expect(await f.outbox.purgeDelivered({ olderThanMs: 24 * HOUR, limit: 1_000 })).toBe(1_000);
  });

  it("runs on its timer, and stop() ends it", async () => {
    await delivered(keys("old", 2), 30);
    const passes: unknown[] = [];
    const maintenance = createOutboxMaintenance({
      outbox: f.outbox,
      retentionMs: HOUR,
      intervalMs: 20,
      pauseMs: 0,
      logger: { debug: () => {}, info: (o) => passes.push(o), warn: () => {}, error: () => {} },
    });
    maintenance.start();
    await expect.poll(() => passes.length, { timeout: 5_000 }).toBe(1);
    expect(passes[0]).toMatchObject({ purged: 2 });
    await maintenance.stop();
    await delivered(keys("later", 2), 30);
    await new Promise((r) => setTimeout(r, 100));
    expect(await f.outbox.stats()).toMatchObject({ delivered: 2 });
  });

  it("refuses bad options and a bad limit, naming them", async () => {
    expect(() => createOutboxMaintenance({ outbox: f.outbox, retentionMs: 0 })).toThrow(/option retentionMs/);
    expect(() => createOutboxMaintenance({ outbox: f.outbox, retentionMs: HOUR, batchSize: 1.5 })).toThrow(
      /option batchSize/,
    );
    expect(() => createOutboxMaintenance({ outbox: f.outbox, retentionMs: HOUR, pauseMs: -1 })).toThrow(
      /option pauseMs/,
    );
    await expect(f.outbox.purgeDelivered({ olderThanMs: 0, limit: 0 })).rejects.toThrow(
      OutboxValidationError,
    );
    await expect(f.outbox.purgeDelivered({ olderThanMs: 0, limit: 0 })).rejects.toThrow(/limit/);
  });
});
