import { expect, it } from "vitest";
import { claimDue, settle } from "../src/outbox/claim.js";
import { runPlanned } from "../src/outbox/prepared.js";
import { SETTLE_SQL } from "../src/outbox/relay-statements.js";
import { describeBackends } from "../src/testing/backends.js";
import { useOutboxDatabase } from "../src/testing/outbox-fixture.js";

// Text that would break naive quoting: PGlite's prepared path sends values as SQL literals.
const nasty = `it's a \\ back'slash'' $1 $$ ;-- "quoted" ünïcødé`;

describeBackends("relay statements", (backend) => {
  const f = useOutboxDatabase(backend);

  it("carry any text through claim and settle unchanged", async () => {
    const { jobId } = await f.outbox.enqueue({
      idempotencyKey: nasty,
      mem0Ids: { user_id: "workspace_w1_user_u1" },
      payload: { messages: [{ role: "user", content: nasty }], metadata: { note: nasty } },
    });
    const [claimed] = await claimDue(f.t.database.db, { relayId: nasty, limit: 5, leaseMs: 60_000 });
    expect(claimed?.payload).toEqual({
      messages: [{ role: "user", content: nasty }],
      metadata: { note: nasty },
    });
    const settled = await settle(f.t.database.db, nasty, [
      {
        id: jobId,
        claimAttempts: 1,
        outcome: "retry",
        failed: true,
        delayMs: 0,
        error: nasty,
        result: { nasty },
      },
    ]);
    expect([...settled]).toEqual([jobId]);
    expect(await f.outbox.get(jobId)).toMatchObject({
      status: "pending",
      lastError: nasty,
      mem0Result: { nasty },
    });
  });

  it("also run inside a transaction (bound parameters instead of prepared statements)", async () => {
    await f.outbox.enqueue({
      idempotencyKey: "tx",
      mem0Ids: { run_id: "workspace_w1_run_r1" },
      payload: { messages: [{ role: "user", content: "x" }] },
    });
    const claimed = await f.t.database.db.transaction((tx) =>
      claimDue(tx, { relayId: "r", limit: 5, leaseMs: 1_000 }),
    );
    expect(claimed).toHaveLength(1);
    expect(claimed[0]?.claimedUntil.getTime()).toBeGreaterThan(Date.now());
    expect((await f.outbox.stats()).inFlight).toBe(1);
  });

  it("settle looks its rows up by primary key however large the outbox grew after the first settles", async () => {
    const db = f.t.database.db;
    // The relay's first rounds, on a near-empty table (where a kept generic plan used to be made).
    for (let i = 0; i < 8; i++) {
      const { jobId } = await f.outbox.enqueue({
        idempotencyKey: `early-${i}`,
        mem0Ids: { user_id: "workspace_w1_user_u1" },
        payload: { messages: [{ role: "user", content: `turn ${i}` }] },
      });
      const [claimed] = await claimDue(db, { relayId: "r", limit: 1, leaseMs: 60_000 });
      await settle(db, "r", [
        { id: jobId, claimAttempts: claimed?.attempts ?? 1, outcome: "delivered", failed: false },
      ]);
    }
    await runPlanned(
      db,
      `insert into outbox (idempotency_key, user_id, payload, payload_hash, status, delivered_at)
       select 'bulk-' || g, 'workspace_w1_user_u1', '{"messages":[]}'::jsonb, 'h', 'delivered', now()
       from generate_series(1, 5000) as g`,
      [],
    );
    const id = "00000000-0000-4000-8000-000000000001";
    const records = JSON.stringify([{ id, claim_attempts: 1, outcome: "delivered", failed: false }]);
    const plan = (await runPlanned<Record<string, string>>(db, `explain ${SETTLE_SQL}`, ["r", records, [id]]))
      .map((row) => Object.values(row)[0])
      .join("\n");
    expect(plan).toContain("outbox_pkey");
    expect(plan).not.toMatch(/Seq Scan on outbox/);
  });
});
