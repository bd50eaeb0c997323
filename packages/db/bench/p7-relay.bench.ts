/**
 * P7 (docs/targets.md): outbox relay delivery rate to a zero-latency loopback mem0 stub. Bar >= 1,000/s,
 * goal >= 5,000/s. The stub runs in a child process; the relay delivers through @automatos/mem0-client
 * (the production writer). Measured on PGlite in a data directory (the embedded default) and, when
 * Debian's PostgreSQL 15 is installed, on a throwaway cluster. Each backend: a warm-up drain, then three
 * timed drains of JOBS jobs; the median counts. The headline figure is the slower backend's median.
 * Run: `pnpm bench @automatos/db` from the repo root.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { writeResult } from "@automatos/bench";
import { createMem0Client } from "@automatos/mem0-client";
import { createDb, type Database } from "../src/create-db.js";
import { createRelay, type Relay } from "../src/outbox/relay.js";
import { startThrowawayPostgres } from "../src/testing/throwaway-postgres.js";
import { loadJobs, startStubProcess } from "./p7-setup.js";

const WARMUP = 2_000;
const JOBS = 10_000;
const ROUNDS = 3;
const RELAY = { lanes: 4, batchSize: 64 };

interface Run {
  deliveriesPerSec: number;
  /** Relay process CPU per delivery: what the rate would be bounded by with a whole core to itself. */
  relayCpuUsPerDelivery: number;
  rounds: number[];
}

async function measure(database: Database, stubUrl: string, apiKey: string): Promise<Run> {
  const mem0 = createMem0Client({ baseUrl: stubUrl, apiKey, connections: 64, retry: { maxAttempts: 1 } });
  const relay = createRelay({ db: database.db, mem0, ...RELAY, idleDelayMs: 5 });
  const rates: number[] = [];
  const cpu: number[] = [];
  try {
    await loadJobs(database.db, "warmup", WARMUP);
    await drain(relay, WARMUP);
    for (let round = 0; round < ROUNDS; round++) {
      await loadJobs(database.db, `round${round}`, JOBS);
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await drain(relay, WARMUP + (round + 1) * JOBS);
      const c = process.cpuUsage(c0);
      rates.push(Math.round(JOBS / ((performance.now() - t0) / 1000)));
      cpu.push(Math.round((c.user + c.system) / JOBS));
    }
  } finally {
    await relay.stop();
    await mem0.close();
  }
  return { deliveriesPerSec: median(rates), relayCpuUsPerDelivery: median(cpu), rounds: rates };
}

/** Runs the relay until its (cumulative) delivered counter reaches `total`, then stops it. */
async function drain(relay: Relay, total: number): Promise<void> {
  relay.start();
  while (relay.counters().delivered < total) await new Promise((r) => setTimeout(r, 10));
  await relay.stop();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const loadBefore = loadavg()[0] ?? 0;
const stub = await startStubProcess();
const runs: Record<string, Run> = {};
const dir = mkdtempSync(join(tmpdir(), "p7-pglite-"));
try {
  const pglite = await createDb({ dataDir: join(dir, "pg") });
  runs.pglite = await measure(pglite, stub.url, stub.apiKey);
  await pglite.close();
  const pg = await startThrowawayPostgres().catch((err: Error) => {
    console.warn(`P7: PostgreSQL not measured: ${err.message}`);
    return null;
  });
  if (pg) {
    try {
      const postgres = await createDb({ url: pg.url, poolMax: 16 });
      runs.postgres = await measure(postgres, stub.url, stub.apiKey);
      await postgres.close();
    } finally {
      await pg.stop();
    }
  }
} finally {
  stub.stop();
  rmSync(dir, { recursive: true, force: true });
}

const value = Math.min(...Object.values(runs).map((r) => r.deliveriesPerSec));
writeResult("P7", {
  value,
  unit: "deliveries/s",
  bar: ">= 1000/s",
  pass: value >= 1_000,
  details: {
    ...runs,
    jobsPerRound: JOBS,
    relay: RELAY,
    goal: ">= 5000/s",
    stub: "loopback HTTP, child process, 0 ms latency",
    writer: "@automatos/mem0-client (server dialect)",
    // The machine is shared: the 1-minute load average says how much CPU the run really had.
    loadAverage1m: { before: Number(loadBefore.toFixed(1)), after: Number((loadavg()[0] ?? 0).toFixed(1)) },
    cpus: cpus().length,
  },
});
for (const [name, r] of Object.entries(runs))
  console.log(
    `P7 ${name}: ${r.deliveriesPerSec} deliveries/s (rounds ${r.rounds.join(", ")}; ` +
      `relay CPU ${r.relayCpuUsPerDelivery} us/delivery)`,
  );
