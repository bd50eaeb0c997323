import { afterEach, expect, it } from "vitest";
import { claimDue, settle } from "../src/outbox/claim.js";
import type { Mem0Writer } from "../src/outbox/mem0-writer.js";
import { createOutbox } from "../src/outbox/outbox.js";
import { createRelay, type Relay } from "../src/outbox/relay.js";
import { describeBackends } from "../src/testing/backends.js";
import { remember, useRelayFixture } from "../src/testing/relay-fixture.js";
import { sleep, waitFor } from "../src/testing/wait.js";

describeBackends("relay leases and breaker", (backend) => {
  const f = useRelayFixture(backend);
  let relay: Relay | undefined;
  afterEach(async () => {
    await relay?.stop();
    relay = undefined;
  });

  it("re-claims the rows of a relay whose lease expired, and drops that relay's late outcome", async () => {
    const db = f.t.database.db;
    const { jobId } = await f.outbox.enqueue(remember());
    relay = createRelay({ db, mem0: await f.writer(), relayId: "survivor" });
    const [taken] = await claimDue(db, { relayId: "crashed-relay", limit: 10, leaseMs: 1_000 });
    expect(await relay.drainOnce()).toMatchObject({ claimed: 0 }); // still leased
    await sleep(taken!.claimedUntil!.getTime() - Date.now() + 100);
    expect(await relay.drainOnce()).toMatchObject({ claimed: 1, delivered: 1 });
    const row = await f.outbox.get(jobId);
    expect(row).toMatchObject({ status: "delivered", attempts: 2, failures: 1 });
    expect(row?.lastError).toMatch(/lease of relay crashed-relay expired/);
    const late = await settle(db, "crashed-relay", [
      {
        id: jobId,
        claimAttempts: taken!.attempts,
        outcome: "retry",
        failed: true,
        delayMs: 0,
        error: "late",
      },
    ]);
    expect(late.size).toBe(0);
    expect(await f.outbox.get(jobId)).toMatchObject({ status: "delivered", lastError: row?.lastError });
  });

  it("pauses while mem0's breaker is open, probing with one job that costs no attempt", async () => {
    await f.stub.setMode("refuse");
    const mem0 = await f.writer({ consecutiveFailures: 2, halfOpenAfterMs: 60_000 });
    for (let i = 0; i < 6; i++) await f.outbox.enqueue(remember());
    relay = createRelay({
      db: f.t.database.db,
      mem0,
      batchSize: 1,
      lanes: 1,
      backoff: { baseMs: 1, maxMs: 1 },
      breakerPollMs: 20,
      breakerProbeMs: 100,
    });
    relay.start();
    await waitFor("the breaker to open", () => mem0.breakerState() === "open");
    await sleep(500);
    await relay.stop();
    const counters = relay.counters();
    expect(counters.pausedRounds).toBeGreaterThan(0);
    // Two failures opened the breaker; the probes since were refused by it and handed back untouched.
    expect(counters.released).toBeGreaterThan(0);
    expect(counters.claimed - counters.released).toBe(2);
    expect((await f.outbox.stats()).failed).toBe(2);
  });

  it("resumes by itself once the breaker's cool-down has passed and mem0 is back", async () => {
    await f.stub.setMode("refuse");
    const mem0 = await f.writer({ consecutiveFailures: 1, halfOpenAfterMs: 300 });
    for (let i = 0; i < 20; i++) await f.outbox.enqueue(remember());
    relay = createRelay({
      db: f.t.database.db,
      mem0,
      backoff: { baseMs: 10, maxMs: 50 },
      breakerPollMs: 20,
      breakerProbeMs: 50,
    });
    relay.start();
    await waitFor("the breaker to open", () => mem0.breakerState() === "open");
    await f.stub.setMode("up");
    await waitFor("every job delivered", async () => (await f.outbox.stats()).delivered === 20, {
      timeoutMs: 10_000,
    });
    expect(f.stub.adds()).toHaveLength(20);
  });

  it("hands rows back untouched when the breaker opens between the check and the call", async () => {
    const { jobId } = await f.outbox.enqueue(remember());
    // Fault injection: a writer whose breaker trips right after the relay looked at it.
    const tripping: Mem0Writer = {
      breakerState: () => "closed",
      add: async () => {
        throw Object.assign(new Error("breaker open"), { kind: "circuit_open" });
      },
    };
    relay = createRelay({ db: f.t.database.db, mem0: tripping });
    expect(await relay.drainOnce()).toMatchObject({ claimed: 1, released: 1 });
    expect(await f.outbox.get(jobId)).toMatchObject({ status: "pending", attempts: 0, failures: 0 });
  });

  it("stop() lets in-flight deliveries finish and settle", async () => {
    f.stub.setLatency(300);
    const { jobId } = await f.outbox.enqueue(remember());
    relay = createRelay({ db: f.t.database.db, mem0: await f.writer(), idleDelayMs: 20 });
    relay.start();
    await waitFor("a delivery in flight", () => f.stub.inFlight() > 0);
    await relay.stop();
    expect(relay.isRunning()).toBe(false);
    expect(await f.outbox.get(jobId)).toMatchObject({ status: "delivered", claimedBy: null });
  });

  it("notify() wakes an idle relay as soon as a job is enqueued", async () => {
    relay = createRelay({ db: f.t.database.db, mem0: await f.writer(), idleDelayMs: 30_000 });
    relay.start();
    await sleep(100); // every lane is now in its long idle wait
    const outbox = createOutbox(f.t.database.db, { onEnqueued: relay.notify });
    const { jobId } = await outbox.enqueue(remember());
    await waitFor("delivery", async () => (await outbox.get(jobId))?.status === "delivered", {
      timeoutMs: 5_000,
    });
  });
});
