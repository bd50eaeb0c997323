import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { expect, it } from "vitest";
import type { Db } from "../src/create-db.js";
import { MIGRATIONS_FOLDER } from "../src/migrate.js";
import { claimDue, settle } from "../src/outbox/claim.js";
import { createOutbox } from "../src/outbox/outbox.js";
import { OUTBOX_STATS_QUERY, readOutboxStats } from "../src/outbox/stats.js";
import { queryRows } from "../src/sql-rows.js";
import { describeBackends } from "../src/testing/backends.js";
import { countOutboxRows } from "../src/testing/outbox-counts.js";
import { settleAll, useOutboxDatabase } from "../src/testing/outbox-fixture.js";

const job = (key: string) => ({
  idempotencyKey: key,
  mem0Ids: { user_id: "workspace_w1_user_u1" },
  payload: { messages: [{ role: "user", content: `remember ${key}` }], infer: false },
});

/** stats() without its age: equal to a count of every row. */
async function expectStatsToMatchFullCount(db: Db): Promise<void> {
  const { oldestPendingAgeMs: _, ...counts } = await readOutboxStats(db);
  expect(counts).toEqual(await countOutboxRows(db));
}

describeBackends("outbox stats from the tally", (backend) => {
  const f = useOutboxDatabase(backend);

  it("agrees with a full count through enqueue, claim, settle, lease expiry, replay, purge and raw SQL", async () => {
    const db = f.t.database.db;
    for (const k of ["a", "b", "c", "d", "e", "f"]) await f.outbox.enqueue(job(k));
    await expectStatsToMatchFullCount(db);

    const claimed = await claimDue(db, { relayId: "r1", limit: 5, leaseMs: 60_000 });
    const [a, b, c, d, e] = claimed.map((r) => ({ id: r.id, claimAttempts: r.attempts }));
    await settle(db, "r1", [
      { ...a!, outcome: "delivered", failed: false, result: { ok: 1 } },
      { ...b!, outcome: "delivered", failed: false },
      { ...c!, outcome: "dead", failed: true, error: "permanent" },
      { ...d!, outcome: "retry", failed: true, error: "timeout", delayMs: 0 },
    ]);
    expect(await readOutboxStats(db)).toMatchObject({ delivered: 2, failed: 2, dead: 1 });
    await expectStatsToMatchFullCount(db);

    // e's lease expires and another relay re-claims it: a failed attempt nobody recorded (CLAIM counts it).
    await db.execute(
      sql`update outbox set next_attempt_at = now() - interval '1 second' where id = ${e!.id}`,
    );
    const reclaimed = await claimDue(db, { relayId: "r2", limit: 10, leaseMs: 60_000 });
    expect(reclaimed.map((r) => r.id)).toContain(e!.id);
    await expectStatsToMatchFullCount(db);
    await settleAll(db, "r2", reclaimed, "delivered");
    await expectStatsToMatchFullCount(db);

    expect((await f.outbox.replayDead()).replayed).toBe(1);
    await expectStatsToMatchFullCount(db);

    await db.execute(
      sql`update outbox set delivered_at = now() - interval '2 minutes' where status = 'delivered'`,
    );
    expect(await f.outbox.purgeDelivered({ olderThanMs: 60_000 })).toBeGreaterThan(0);
    await expectStatsToMatchFullCount(db);

    // An operator's hand-written change is counted too: the triggers watch the table, not our code.
    await db.execute(
      sql`update outbox set status = 'delivered', delivered_at = now(), failures = failures + 3`,
    );
    await db.execute(sql`delete from outbox where idempotency_key = 'a'`);
    await expectStatsToMatchFullCount(db);
    expect((await readOutboxStats(db)).delivered).toBeGreaterThan(0);
  });

  it("starts again from zero when the outbox is truncated", async () => {
    const db = f.t.database.db;
    const { jobId } = await f.outbox.enqueue(job("t"));
    const [row] = await claimDue(db, { relayId: "r1", limit: 1, leaseMs: 60_000 });
    await settle(db, "r1", [{ id: jobId, claimAttempts: row!.attempts, outcome: "delivered", failed: true }]);
    expect(await readOutboxStats(db)).toMatchObject({ delivered: 1, failed: 1 });
    await db.execute(sql`truncate outbox`);
    expect(await readOutboxStats(db)).toMatchObject({ delivered: 0, failed: 0, pending: 0 });
    await f.outbox.enqueue(job("u"));
    await expectStatsToMatchFullCount(db);
  });

  it("reads the backlog and the dead letters through their partial indexes, never the delivered bulk", async () => {
    const db = f.t.database.db;
    await db.execute(sql`insert into outbox (idempotency_key, user_id, payload, payload_hash, status, delivered_at)
      select 'bulk-' || g, 'workspace_w1_user_u1', '{"messages":[]}'::jsonb, md5(g::text), 'delivered', now()
      from generate_series(1, 5000) as g`);
    await f.outbox.enqueue(job("pending"));
    await db.execute(sql`analyze outbox`);
    const plan = (await queryRows<Record<string, string>>(db, sql`explain ${OUTBOX_STATS_QUERY}`))
      .map((r) => Object.values(r)[0])
      .join("\n");
    expect(plan).toContain("outbox_due_idx");
    expect(plan).toContain("outbox_dead_idx");
    expect(plan).not.toMatch(/Seq Scan on outbox\b/);
  });
});

it("the migration counts an existing table's rows into the tally", async () => {
  // A database at the schema before the tally (migrations 0000-0004), with rows, then migrated to the end.
  const dir = mkdtempSync(join(tmpdir(), "outbox-tally-migration-"));
  try {
    cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
    const journalPath = join(dir, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
    const beforeTally = journal.entries.findIndex((e) => e.tag === "0005_outbox_tally");
    expect(beforeTally).toBeGreaterThan(0);
    writeFileSync(
      journalPath,
      JSON.stringify({ ...journal, entries: journal.entries.slice(0, beforeTally) }),
    );

    const client = await PGlite.create({ extensions: { vector } });
    const db = drizzle({ client }) as unknown as Db;
    await migrate(drizzle({ client }), { migrationsFolder: dir });
    await db.execute(sql`insert into outbox (idempotency_key, user_id, payload, payload_hash, status, failures)
      select 'old-' || g, 'workspace_w1_user_u1', '{"messages":[]}'::jsonb, md5(g::text),
        case when g <= 7 then 'delivered' when g <= 9 then 'dead' else 'pending' end, g % 3
      from generate_series(1, 12) as g`);
    await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
    expect(await readOutboxStats(db)).toMatchObject({ delivered: 7, dead: 2, pending: 3, failed: 12 });
    await expectStatsToMatchFullCount(db);
    await createOutbox(db).enqueue(job("new"));
    expect((await readOutboxStats(db)).pending).toBe(4);
    await client.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
