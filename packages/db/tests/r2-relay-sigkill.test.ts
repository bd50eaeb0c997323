/**
 * R2 (docs/targets.md): the process running the relay is killed with SIGKILL mid-delivery, then restarted.
 * Bar: zero lost; duplicates only from the at-least-once window, counted and reported. The window is every
 * attempt whose outcome the relay could not observe: jobs in flight at the kill (their lease expires and
 * they are re-claimed, last_error "lease of relay ... expired"), plus any add that timed out although mem0
 * had taken it (possible on a loaded machine). The table marks each such job with failures > 0.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, gt } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createOutbox } from "../src/outbox/outbox.js";
import { outbox as outboxTable } from "../src/schema/outbox.js";
import { describeBackends, type TestDatabase } from "../src/testing/backends.js";
import { fixture, spawnTs } from "../src/testing/child.js";
import {
  MEM0_FAKE_KEY,
  type Mem0Fake,
  receivedMarkers,
  remember,
  startMem0Fake,
} from "../src/testing/relay-fixture.js";
import { waitFor } from "../src/testing/wait.js";

const JOBS = 400;
const LEASE_MS = 5_000;

describeBackends("R2: relay process killed with SIGKILL mid-delivery", (backend) => {
  let dir: string;
  let stub: Mem0Fake;
  let t: TestDatabase;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "db-r2-"));
    stub = await startMem0Fake({ latencyMs: 20 });
    // PGlite keeps its data in a directory only one process may open: the test closes its handle
    // before each relay process starts and reopens it only after that process is gone.
    t = await backend.open({ dataDir: join(dir, "pg") });
  });
  afterAll(async () => {
    await t?.close().catch(() => {});
    await stub?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const reopen = async () => {
    if (backend.kind === "pglite") t = await backend.open({ dataDir: join(dir, "pg") });
  };
  const release = async () => {
    if (backend.kind === "pglite") await t.database.close();
  };

  it("loses nothing; duplicates come only from jobs in flight at the kill", {
    timeout: 180_000,
  }, async () => {
    const markers = Array.from({ length: JOBS }, (_, i) => `r2-${i}`);
    for (const m of markers) await createOutbox(t.database.db).enqueue(remember(m));
    await release();

    const args = {
      ...t.target,
      mem0Url: stub.url,
      apiKey: MEM0_FAKE_KEY,
      leaseMs: LEASE_MS,
      deliveryTimeoutMs: 3_000,
    };
    const first = spawnTs(fixture("relay-child.ts"), { ...args, relayId: "relay-1", exitWhenDrained: false });
    await waitFor(
      "the first relay to be mid-delivery",
      () => stub.adds().length >= 120 && stub.inFlight() > 0,
      {
        timeoutMs: 60_000,
        intervalMs: 5,
      },
    );
    const inFlightAtStub = stub.inFlight();
    first.process.kill("SIGKILL");
    expect(await first.exited).toBe("SIGKILL");
    const receivedBeforeRestart = stub.adds().length;

    await reopen();
    const window = await t.database.db
      .select({ marker: outboxTable.idempotencyKey })
      .from(outboxTable)
      .where(eq(outboxTable.status, "in_flight"));
    const windowMarkers = new Set(window.map((r) => r.marker.replace(/^key-/, "")));
    await release();

    // The restarted relay waits out relay-1's 5 s leases; its own claims get a long lease so that a CPU
    // stall on this shared machine does not add expiries of its own.
    const second = spawnTs(fixture("relay-child.ts"), {
      ...args,
      leaseMs: 30_000,
      relayId: "relay-2",
      exitWhenDrained: true,
    });
    expect(await second.exited).toBe(0);
    expect(second.output()).toMatch(/drained/);

    await reopen();
    const stats = await createOutbox(t.database.db).stats();
    // Jobs with an attempt whose outcome went unobserved (failures > 0): the at-least-once window as the
    // table records it. The kill's window is part of it.
    const failedOnce = await t.database.db
      .select({ key: outboxTable.idempotencyKey, lastError: outboxTable.lastError })
      .from(outboxTable)
      .where(gt(outboxTable.failures, 0));
    const unobserved = new Set(failedOnce.map((r) => r.key.replace(/^key-/, "")));
    const leaseExpiries = failedOnce.filter((r) =>
      /lease of relay .* expired/.test(r.lastError ?? ""),
    ).length;
    const received = receivedMarkers(stub);
    const counts = new Map<string, number>();
    for (const m of received) counts.set(m, (counts.get(m) ?? 0) + 1);
    const duplicated = [...counts].filter(([, n]) => n > 1).map(([m]) => m);
    console.log(
      `[R2 ${backend.kind}, ${first.output().trim()}] killed after ${receivedBeforeRestart} adds reached mem0 ` +
        `(${inFlightAtStub} awaiting an answer); at-least-once window ${windowMarkers.size} jobs claimed and ` +
        `unsettled; after restart: delivered ${stats.delivered}/${JOBS}, lost ${JOBS - counts.size}, ` +
        `duplicates ${received.length - counts.size}; jobs with an unobserved attempt ${unobserved.size} ` +
        `(${leaseExpiries} expired leases); ` +
        `restarted relay: ${second.output().trim().split("\n").pop()}`,
    );
    expect(windowMarkers.size).toBeGreaterThan(0);
    expect(stats).toMatchObject({ delivered: JOBS, pending: 0, inFlight: 0, dead: 0 });
    expect(new Set(received)).toEqual(new Set(markers));
    expect([...windowMarkers].every((m) => unobserved.has(m))).toBe(true);
    expect(duplicated.filter((m) => !unobserved.has(m))).toEqual([]);
    expect(received.length - counts.size).toBeLessThanOrEqual(unobserved.size);
  });
});
