import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "../src/create-db.js";
import { createDb } from "../src/create-db.js";
import { createRelay } from "../src/outbox/relay.js";
import { describeBackends } from "../src/testing/backends.js";
import { receivedMarkers, remember, useRelayFixture } from "../src/testing/relay-fixture.js";
import { waitFor } from "../src/testing/wait.js";

const JOBS = 600;

describeBackends("three relays on one database", (backend) => {
  const f = useRelayFixture(backend);
  const extra: Database[] = [];
  // On PostgreSQL each relay gets its own connection pool, as separate processes would; PGlite is one
  // process by nature, so its relays share the instance.
  const handles: Database[] = [];
  beforeAll(async () => {
    handles.push(f.t.database);
    for (let i = 0; i < 2; i++) {
      if (f.t.target.url) extra.push(await createDb({ url: f.t.target.url }));
      handles.push(extra.at(-1) ?? f.t.database);
    }
  });
  afterAll(async () => {
    for (const d of extra) await d.close();
  });

  it("deliver every job exactly once when nothing fails", async () => {
    const markers = Array.from({ length: JOBS }, (_, i) => `c${i}`);
    for (const m of markers) await f.outbox.enqueue(remember(m));
    // A little latency keeps many deliveries in flight at once, which is when a double claim would show.
    f.stub.setLatency(3);
    const relays = await Promise.all(
      handles.map(async (h, i) =>
        createRelay({ db: h.db, mem0: await f.writer(), relayId: `relay-${i}`, lanes: 2, batchSize: 10 }),
      ),
    );
    for (const r of relays) r.start();
    await waitFor("all jobs delivered", async () => (await f.outbox.stats()).delivered === JOBS, {
      timeoutMs: 60_000,
      intervalMs: 100,
    });
    await Promise.all(relays.map((r) => r.stop()));
    const received = receivedMarkers(f.stub);
    const perRelay = relays.map((r) => r.counters().delivered);
    console.log(`[${backend.kind}] deliveries per relay: ${perRelay.join(", ")}`);
    expect(received).toHaveLength(JOBS);
    expect(new Set(received)).toEqual(new Set(markers));
    expect(perRelay.reduce((a, b) => a + b, 0)).toBe(JOBS);
    expect(perRelay.filter((n) => n > 0).length).toBeGreaterThanOrEqual(2);
    expect(relays.every((r) => r.counters().leaseLost === 0)).toBe(true);
  });
});
