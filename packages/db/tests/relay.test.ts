import { afterEach, expect, it } from "vitest";
import { createRelay, type Relay } from "../src/outbox/relay.js";
import type { RelayOptions } from "../src/outbox/relay-options.js";
import { describeBackends } from "../src/testing/backends.js";
import { receivedMarkers, remember, useRelayFixture } from "../src/testing/relay-fixture.js";
import { sleep, waitFor } from "../src/testing/wait.js";

const fast = { backoff: { baseMs: 20, maxMs: 100 }, leaseMs: 3_000, deliveryTimeoutMs: 1_000 };

describeBackends("relay delivery", (backend) => {
  const f = useRelayFixture(backend);
  let relay: Relay | undefined;
  afterEach(() => relay?.stop());
  const make = async (options: Partial<RelayOptions> = {}) =>
    createRelay({ db: f.t.database.db, mem0: await f.writer(), ...fast, ...options });

  it("delivers each job with the row's ids and payload and records mem0's answer", async () => {
    const jobs = [
      remember("u", { user_id: "workspace_w1_user_u1" }),
      remember("au", { user_id: "workspace_w1_user_u1", agent_id: "workspace_w1_agent_a1" }),
      remember("r", { run_id: "workspace_w1_run_r1" }),
    ];
    const ids = [];
    for (const j of jobs) ids.push((await f.outbox.enqueue(j)).jobId);
    relay = await make();
    expect(await relay.drainOnce()).toMatchObject({ claimed: 3, delivered: 3, retried: 0, dead: 0 });
    const bodies = f.stub.adds().map((a) => a.body);
    expect(bodies.find((b) => b.metadata?.marker === "au")).toMatchObject({
      user_id: "workspace_w1_user_u1",
      agent_id: "workspace_w1_agent_a1",
      messages: [{ role: "user", content: "remember au" }],
      infer: false,
    });
    expect(bodies.find((b) => b.metadata?.marker === "r")?.user_id ?? null).toBeNull();
    const row = await f.outbox.get(ids[0]!);
    const stored = f.stub.adds().find((a) => a.body.metadata?.marker === "u");
    expect(row).toMatchObject({ status: "delivered", attempts: 1, claimedBy: null, claimedUntil: null });
    expect(row?.deliveredAt).toBeInstanceOf(Date);
    expect(row?.mem0Result).toMatchObject({ status: "done", results: [{ id: stored?.memoryIds[0] }] });
    expect(await relay.drainOnce()).toMatchObject({ claimed: 0 });
  });

  it("backs off after a failure, then delivers once mem0 recovers", async () => {
    const { jobId } = await f.outbox.enqueue(remember());
    await f.stub.setMode("error");
    relay = await make({ backoff: { baseMs: 400, maxMs: 400 } });
    expect(await relay.drainOnce()).toMatchObject({ claimed: 1, retried: 1 });
    const failed = await f.outbox.get(jobId);
    expect(failed).toMatchObject({ status: "pending", attempts: 1, failures: 1 });
    expect(failed?.lastError).toMatch(/503/);
    expect(failed!.nextAttemptAt.getTime()).toBeGreaterThan(failed!.updatedAt.getTime() + 150);
    expect(await relay.drainOnce()).toMatchObject({ claimed: 0 }); // not due yet
    await f.stub.setMode("up");
    await new Promise((r) => setTimeout(r, 450));
    expect(await relay.drainOnce()).toMatchObject({ delivered: 1 });
    expect(await f.outbox.get(jobId)).toMatchObject({ status: "delivered", attempts: 2, failures: 1 });
  });

  it("dead-letters after maxAttempts, and a replay delivers it", async () => {
    const { jobId } = await f.outbox.enqueue(remember());
    await f.stub.setMode("error");
    relay = await make({ maxAttempts: 3, backoff: { baseMs: 1, maxMs: 2 } });
    let dead = 0;
    for (let i = 0; i < 50 && dead === 0; i++) {
      dead += (await relay.drainOnce()).dead;
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(await f.outbox.get(jobId)).toMatchObject({ status: "dead", attempts: 3, failures: 3 });
    expect(await f.outbox.stats()).toMatchObject({ dead: 1, pending: 0, failed: 3 });
    await f.stub.setMode("up");
    expect(await f.outbox.replayDead()).toEqual({ replayed: 1, jobIds: [jobId] });
    expect(await relay.drainOnce()).toMatchObject({ delivered: 1 });
    expect(receivedMarkers(f.stub)).toHaveLength(1);
  });

  it("dead-letters at once what mem0 rejects as invalid, and delivers the rest", async () => {
    f.stub.inject({
      method: "POST",
      path: "/memories",
      reply: (req) =>
        (req.body as { metadata?: { marker?: string } })?.metadata?.marker === "poison"
          ? { status: 400, body: { detail: "poison" } }
          : undefined,
    });
    const poison = await f.outbox.enqueue(remember("poison"));
    await f.outbox.enqueue(remember());
    relay = await make();
    expect(await relay.drainOnce()).toMatchObject({ claimed: 2, delivered: 1, dead: 1 });
    const row = await f.outbox.get(poison.jobId);
    expect(row).toMatchObject({ status: "dead", attempts: 1 });
    expect(row?.lastError).toMatch(/400.*poison/);
  });

  it("gives up on a hanging mem0 at the delivery timeout and retries later", async () => {
    const { jobId } = await f.outbox.enqueue(remember());
    await f.stub.setMode("hang");
    relay = await make({ deliveryTimeoutMs: 300, leaseMs: 1_500 });
    const started = Date.now();
    expect(await relay.drainOnce()).toMatchObject({ retried: 1 });
    expect(Date.now() - started).toBeLessThan(1_500);
    expect((await f.outbox.get(jobId))?.lastError).toMatch(/timeout|did not answer|abort/i);
  });

  it("rejects options that would break the lease, naming them", async () => {
    const mem0 = await f.writer();
    const db = f.t.database.db;
    expect(() => createRelay({ db, mem0, leaseMs: 2_000, deliveryTimeoutMs: 1_500 })).toThrow(
      /option leaseMs/,
    );
    expect(() => createRelay({ db, mem0, batchSize: 0 })).toThrow(/option batchSize/);
    expect(() => createRelay({ db, mem0: {} as never })).toThrow(/option mem0/);
  });
  it("claims once per job when jobs come one at a time", async () => {
    // The idle poll is a minute: every delivery below is driven by notify() alone.
    relay = await make({ lanes: 2, idleDelayMs: 60_000 });
    const running = relay;
    running.start();
    await sleep(100); // both lanes ran their first, empty round and sleep
    const roundsBefore = running.counters().rounds;
    for (let i = 0; i < 6; i++) {
      await f.outbox.enqueue(remember(`one${i}`));
      running.notify();
      await waitFor(`job ${i} delivered`, () => running.counters().delivered === i + 1);
    }
    // One lane wakes per notify and stops after a round that left nothing due: one claim per job (it was
    // three: both lanes woke, and the one that delivered claimed again to find nothing).
    expect(running.counters().rounds - roundsBefore).toBe(6);
  });

  it("claims again at once when a job was enqueued while its round delivered (no lane asleep to wake)", async () => {
    // One lane and a minute's idle poll: the job below is enqueued while that lane delivers, so its notify()
    // wakes nobody, and only the lane's own check after the round can find it within the 5 s wait.
    relay = await make({ lanes: 1, idleDelayMs: 60_000 });
    const running = relay;
    running.start();
    await sleep(100);
    f.stub.setLatency(300);
    await f.outbox.enqueue(remember("first"));
    running.notify();
    await waitFor("the first job's add in flight", () => f.stub.inFlight() === 1, { intervalMs: 5 });
    await f.outbox.enqueue(remember("during"));
    running.notify();
    await waitFor("both delivered", () => running.counters().delivered === 2, { timeoutMs: 5_000 });
    expect(receivedMarkers(f.stub).sort()).toEqual(["during", "first"]);
  });

  it("claims what its pace allows per round, waits what it asks after each, and never stops delivering", async () => {
    for (let i = 0; i < 6; i++) await f.outbox.enqueue(remember(`p${i}`));
    const asked: number[] = [];
    const rounds: number[] = [];
    let rows = 0; // a pace asking for nothing still gets one row per round
    const paced = await make({
      lanes: 1,
      pace: {
        rowsPerRound: (batchSize: number) => {
          asked.push(batchSize);
          return rows;
        },
        afterRound: (claimed: number) => {
          rounds.push(claimed);
          return 40;
        },
      },
    });
    relay = paced;
    const started = Date.now();
    paced.start();
    for (let i = 0; i < 200 && (await f.outbox.stats()).delivered < 3; i++)
      await new Promise((r) => setTimeout(r, 10));
    rows = 3;
    for (let i = 0; i < 200 && (await f.outbox.stats()).delivered < 6; i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(await f.outbox.stats()).toMatchObject({ delivered: 6, pending: 0 });
    expect(asked.every((b) => b === 32)).toBe(true);
    expect(rounds.slice(0, 3)).toEqual([1, 1, 1]);
    expect(rounds.reduce((a, b) => a + b, 0)).toBe(6);
    // At least three one-row rounds, each followed by a 40 ms wait.
    expect(Date.now() - started).toBeGreaterThanOrEqual(120);
    expect(receivedMarkers(f.stub).sort()).toEqual(["p0", "p1", "p2", "p3", "p4", "p5"]);
  });
});

describeBackends("relay: exactly once after an ambiguous failure", (backend) => {
  const f = useRelayFixture(backend);
  let relay: Relay | undefined;
  afterEach(() => relay?.stop());

  it("finds the job's marker after an add that timed out although mem0 stored it, and adds nothing more", async () => {
    const { jobId } = await f.outbox.enqueue(remember("landed"));
    // The stub stores the memory, then answers after the relay's deadline: an add that landed unobserved.
    f.stub.setLatency(600);
    relay = createRelay({ db: f.t.database.db, mem0: await f.writer(), ...fast, deliveryTimeoutMs: 200 });
    expect(await relay.drainOnce()).toMatchObject({ claimed: 1, retried: 1 });
    const failed = await f.outbox.get(jobId);
    expect(failed?.lastError).toMatch(/^ambiguous: /);
    f.stub.setLatency(0);
    await new Promise((r) => setTimeout(r, 150));
    expect(await relay.drainOnce()).toMatchObject({ claimed: 1, delivered: 1 });
    expect(receivedMarkers(f.stub)).toEqual(["landed"]);
    expect(f.stub.adds()[0]?.body.metadata).toMatchObject({ marker: "landed", automatos_job: jobId });
    const row = await f.outbox.get(jobId);
    expect(row?.mem0Result).toMatchObject({
      foundByMarker: true,
      results: [{ id: f.stub.adds()[0]?.memoryIds[0] }],
    });
    expect(relay.counters()).toMatchObject({ markerChecks: 1, markerHits: 1 });
  });

  it("adds again when the marker is not there, and does not look after a clean refusal", async () => {
    const { jobId } = await f.outbox.enqueue(remember("lost"));
    f.stub.inject({
      method: "POST",
      path: "/memories",
      reply: () => ({ status: 502, body: { detail: "boom", code: "unknown" } }),
    });
    relay = createRelay({ db: f.t.database.db, mem0: await f.writer(), ...fast });
    expect(await relay.drainOnce()).toMatchObject({ retried: 1 });
    f.stub.clearFaults();
    await new Promise((r) => setTimeout(r, 150));
    expect(await relay.drainOnce()).toMatchObject({ delivered: 1 });
    expect(relay.counters()).toMatchObject({ markerChecks: 1, markerHits: 0 });
    expect(receivedMarkers(f.stub)).toEqual(["lost"]);

    // A new writer, so no pooled keep-alive socket turns the refusal into an (ambiguous) reset.
    await f.outbox.enqueue(remember("refused"));
    await f.stub.setMode("refuse");
    const fresh = createRelay({ db: f.t.database.db, mem0: await f.writer(), ...fast });
    expect(await fresh.drainOnce()).toMatchObject({ retried: 1 });
    await f.stub.setMode("up");
    await new Promise((r) => setTimeout(r, 150));
    expect(await fresh.drainOnce()).toMatchObject({ delivered: 1 });
    expect(fresh.counters()).toMatchObject({ markerChecks: 0 });
    expect(await f.outbox.get(jobId)).toMatchObject({ status: "delivered" });
  });
});
