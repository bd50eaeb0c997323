import { expect, it } from "vitest";
import { claimDue, settle } from "../src/outbox/claim.js";
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
});
