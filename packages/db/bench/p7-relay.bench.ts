/**
 * P7 (targets.md): outbox relay delivery rate to a zero-latency loopback mem0 stub. Bar >= 1,000/s,
 * goal >= 5,000/s. The stub runs in a child process; the relay delivers through @automatos/mem0-client
 * (the production writer). Measured on PGlite (the embedded default) and, when Debian's PostgreSQL 15 is
 * installed, on a throwaway cluster; the headline figure is the slower of the two.
 * Run: `pnpm bench @automatos/db` from the repo root.
 */
import { writeResult } from "@automatos/bench";
import { createMem0Client } from "@automatos/mem0-client";
import { createDb, type Database } from "../src/create-db.js";
import { createRelay } from "../src/outbox/relay.js";
import { startThrowawayPostgres } from "../src/testing/throwaway-postgres.js";
import { loadJobs, startStubProcess } from "./p7-setup.js";

const WARMUP = 2_000;
const JOBS = 20_000;
const RELAY = { lanes: 4, batchSize: 64 };

interface Run {
  backend: string;
  deliveriesPerSec: number;
  jobs: number;
  seconds: number;
}

async function measure(backend: string, database: Database, stubUrl: string, apiKey: string): Promise<Run> {
  const mem0 = createMem0Client({ baseUrl: stubUrl, apiKey, connections: 64, retry: { maxAttempts: 1 } });
  const relay = createRelay({ db: database.db, mem0, ...RELAY, idleDelayMs: 5 });
  try {
    await loadJobs(database.db, "warmup", WARMUP);
    await drain(relay, WARMUP);
    await loadJobs(database.db, "measured", JOBS);
    const t0 = performance.now();
    await drain(relay, WARMUP + JOBS);
    const seconds = (performance.now() - t0) / 1000;
    return {
      backend,
      deliveriesPerSec: Math.round(JOBS / seconds),
      jobs: JOBS,
      seconds: Number(seconds.toFixed(2)),
    };
  } finally {
    await relay.stop();
    await mem0.close();
  }
}

/** Runs the relay until its delivered counter reaches `total`, then stops it (the counter is cumulative). */
async function drain(relay: ReturnType<typeof createRelay>, total: number): Promise<void> {
  relay.start();
  while (relay.counters().delivered < total) await new Promise((r) => setTimeout(r, 10));
  await relay.stop();
}

const stub = await startStubProcess();
const runs: Run[] = [];
try {
  const pglite = await createDb({ dataDir: "memory://" });
  runs.push(await measure("pglite", pglite, stub.url, stub.apiKey));
  await pglite.close();
  const pg = await startThrowawayPostgres().catch((err: Error) => {
    console.warn(`P7: PostgreSQL not measured: ${err.message}`);
    return null;
  });
  if (pg) {
    const postgres = await createDb({ url: pg.url, poolMax: 16 });
    runs.push(await measure("postgres", postgres, stub.url, stub.apiKey));
    await postgres.close();
    await pg.stop();
  }
} finally {
  stub.stop();
}

const value = Math.min(...runs.map((r) => r.deliveriesPerSec));
const details = Object.fromEntries(runs.map((r) => [r.backend, r]));
writeResult("P7", {
  value,
  unit: "deliveries/s",
  bar: ">= 1000/s",
  pass: value >= 1_000,
  details: {
    ...details,
    relay: RELAY,
    goal: ">= 5000/s",
    stub: "loopback HTTP, child process, 0 ms latency",
  },
});
for (const r of runs)
  console.log(`P7 ${r.backend}: ${r.deliveriesPerSec} deliveries/s (${r.jobs} jobs in ${r.seconds} s)`);
