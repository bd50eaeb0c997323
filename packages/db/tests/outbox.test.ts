import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { claimDue, settle } from "../src/outbox/claim.js";
import { OutboxConflictError, OutboxValidationError } from "../src/outbox/errors.js";
import { createOutbox } from "../src/outbox/outbox.js";
import { describeBackends } from "../src/testing/backends.js";
import { settleAll, useOutboxDatabase } from "../src/testing/outbox-fixture.js";

const job = (key: string, content = "I like green tea") => ({
  idempotencyKey: key,
  mem0Ids: { user_id: "workspace_w1_user_u1", agent_id: "workspace_w1_agent_a1" },
  payload: { messages: [{ role: "user", content }], metadata: { source: "chatbot" }, infer: false },
});

describeBackends("outbox", (backend) => {
  const f = useOutboxDatabase(backend);

  it("stores a job with its ids, payload and a pending status", async () => {
    const result = await f.outbox.enqueue(job("k1"));
    expect(result).toMatchObject({ status: "pending", duplicate: false });
    const row = await f.outbox.get(result.jobId);
    expect(row).toMatchObject({
      idempotencyKey: "k1",
      userId: "workspace_w1_user_u1",
      agentId: "workspace_w1_agent_a1",
      runId: null,
      status: "pending",
      attempts: 0,
      failures: 0,
      lastError: null,
      payload: job("k1").payload,
    });
    expect(row?.createdAt).toBeInstanceOf(Date);
    expect(row?.payloadHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("stores any text as sent: quotes, backslashes, SQL-looking text, new lines, emoji", async () => {
    // The prepared insert sends its values as SQL literals on PGlite (prepared.ts): nothing may be lost.
    const content = `it's "quoted" \\ back\\slash $1 ); drop table outbox; --\nline two \u{1F375} E'\\x41'`;
    const key = "k'quote\\";
    const result = await f.outbox.enqueue({
      ...job(key, content),
      mem0Ids: { run_id: "workspace_w1_run_r1" },
    });
    const row = await f.outbox.get(result.jobId);
    expect(row).toMatchObject({
      idempotencyKey: key,
      userId: null,
      agentId: null,
      runId: "workspace_w1_run_r1",
      payload: job(key, content).payload,
    });
    expect(
      (await f.outbox.enqueue({ ...job(key, content), mem0Ids: { run_id: "workspace_w1_run_r1" } }))
        .duplicate,
    ).toBe(true);
  });

  it("returns the existing job for the same key and payload", async () => {
    const first = await f.outbox.enqueue(job("k1"));
    const again = await f.outbox.enqueue(job("k1"));
    expect(again).toEqual({ jobId: first.jobId, status: "pending", duplicate: true });
    expect((await f.outbox.stats()).pending).toBe(1);
  });

  it("refuses the same key with a different payload, saying so", async () => {
    const first = await f.outbox.enqueue(job("k1"));
    const attempt = f.outbox.enqueue(job("k1", "I like coffee"));
    await expect(attempt).rejects.toBeInstanceOf(OutboxConflictError);
    await expect(attempt).rejects.toThrow(/already used by outbox job .* with a different payload/);
    await expect(attempt).rejects.toMatchObject({ idempotencyKey: "k1", existingJobId: first.jobId });
  });

  it("keeps exactly one row when the same key is enqueued concurrently", async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => f.outbox.enqueue(job("race"))));
    expect(new Set(results.map((r) => r.jobId)).size).toBe(1);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
  });

  it("rejects bad input naming the field", async () => {
    await expect(f.outbox.enqueue({ ...job("k"), mem0Ids: {} })).rejects.toThrow(/invalid mem0Ids/);
    await expect(f.outbox.get("not-a-uuid")).rejects.toBeInstanceOf(OutboxValidationError);
    await expect(f.outbox.replayDead({ jobIds: ["x"] })).rejects.toThrow(/invalid jobIds.0/);
    expect(await f.outbox.get("00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("joins the caller's transaction: a rolled-back request leaves no job", async () => {
    await expect(
      f.t.database.db.transaction(async (tx) => {
        await createOutbox(tx).enqueue(job("tx"));
        throw new Error("request failed after enqueue");
      }),
    ).rejects.toThrow(/request failed/);
    expect((await f.outbox.stats()).pending).toBe(0);
  });

  it("counts every status, failed attempts and the oldest pending age", async () => {
    const db = f.t.database.db;
    for (const k of ["a", "b", "c", "d"]) await f.outbox.enqueue(job(k));
    // "d" is the oldest job and not yet due, so the claim below takes a, b and c.
    await db.execute(
      sql`update outbox set created_at = now() - interval '90 seconds', next_attempt_at = now() + interval '1 hour'
          where idempotency_key = 'd'`,
    );
    const claimed = await claimDue(db, { relayId: "r1", limit: 3, leaseMs: 60_000 });
    expect(claimed).toHaveLength(3);
    const [first, second] = claimed;
    await settle(db, "r1", [
      {
        id: first!.id,
        claimAttempts: first!.attempts,
        outcome: "delivered",
        failed: false,
        result: { ok: 1 },
      },
      { id: second!.id, claimAttempts: second!.attempts, outcome: "dead", failed: true, error: "boom" },
    ]);
    const stats = await f.outbox.stats();
    expect(stats).toMatchObject({ pending: 1, inFlight: 1, delivered: 1, dead: 1, failed: 1 });
    expect(stats.oldestPendingAgeMs).toBeGreaterThanOrEqual(89_000);
    expect(stats.oldestPendingAgeMs).toBeLessThan(200_000);
  });

  it("replays dead jobs with a fresh attempt budget, all or by id", async () => {
    const db = f.t.database.db;
    for (const k of ["a", "b"]) await f.outbox.enqueue(job(k));
    const rows = await claimDue(db, { relayId: "r1", limit: 2, leaseMs: 60_000 });
    await settleAll(db, "r1", rows, "dead", { error: "x" });
    const one = await f.outbox.replayDead({ jobIds: [rows[0]!.id] });
    expect(one).toEqual({ replayed: 1, jobIds: [rows[0]!.id] });
    expect(await f.outbox.get(rows[0]!.id)).toMatchObject({ status: "pending", attempts: 0, failures: 1 });
    expect((await f.outbox.replayDead()).replayed).toBe(1);
    expect(await f.outbox.stats()).toMatchObject({ pending: 2, dead: 0 });
  });

  it("purges delivered jobs older than the retention, freeing their keys", async () => {
    const db = f.t.database.db;
    const { jobId } = await f.outbox.enqueue(job("old"));
    const [row] = await claimDue(db, { relayId: "r1", limit: 1, leaseMs: 60_000 });
    await settle(db, "r1", [{ id: row!.id, claimAttempts: 1, outcome: "delivered", failed: false }]);
    expect(await f.outbox.purgeDelivered({ olderThanMs: 60_000 })).toBe(0);
    await db.execute(sql`update outbox set delivered_at = now() - interval '2 minutes' where id = ${jobId}`);
    expect(await f.outbox.purgeDelivered({ olderThanMs: 60_000 })).toBe(1);
    expect((await f.outbox.enqueue(job("old"))).duplicate).toBe(false);
    await f.outbox.vacuum();
    expect(await f.outbox.stats()).toMatchObject({ pending: 1, delivered: 0 });
  });
});
