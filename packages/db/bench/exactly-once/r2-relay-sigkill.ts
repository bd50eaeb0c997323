/**
 * R2 on the real embedded engine: the process running the relay is SIGKILLed mid-delivery and restarted.
 * Jobs in flight at the kill reach mem0 but are never recorded; once their lease expires the restarted
 * relay looks for their marker (and the add itself is idempotent by job key), so mem0 ends with exactly
 * one memory per job: 0 lost, 0 duplicated.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb } from "../../src/create-db.js";
import { createOutbox } from "../../src/outbox/outbox.js";
import { type Child, fixture, spawnTs } from "../../src/testing/child.js";
import { countExactly, rememberJob, startEngineProcess, storedMarkers } from "./engine-process.js";

export interface R2Options {
  jobs: number;
  /** Kill the relay once mem0 holds at least this many memories. */
  killAfter: number;
  users: number;
  log?: (line: string) => void;
}

export async function runR2(o: R2Options) {
  const dir = mkdtempSync(join(tmpdir(), "r2-engine-"));
  const engine = await startEngineProcess(join(dir, "mem0"));
  const dataDir = join(dir, "outbox");
  const run = `r2${Date.now().toString(36)}`;
  const users = Array.from({ length: o.users }, (_, u) => `workspace_${run}_user_u${u}`);
  const markers = Array.from({ length: o.jobs }, (_, i) => `${run}-${i}`);
  const relays: Child[] = [];
  try {
    // PGlite: one process per data directory, so the handle is closed before each relay process starts.
    let database = await createDb({ dataDir });
    for (const [i, marker] of markers.entries())
      await createOutbox(database.db).enqueue(rememberJob(marker, users[i % o.users] as string));
    await database.close();

    const args = {
      dataDir,
      mem0Url: engine.url,
      apiKey: engine.apiKey,
      leaseMs: 4_000,
      deliveryTimeoutMs: 3_000,
    };
    const first = spawnTs(fixture("relay-child.ts"), { ...args, relayId: "relay-1", exitWhenDrained: false });
    relays.push(first);
    const deadline = Date.now() + 300_000;
    let before = await memoryCount(engine);
    while (before < o.killAfter) {
      if (Date.now() > deadline) throw new Error(`R2: only ${before} memories after 300 s`);
      await new Promise((r) => setTimeout(r, 20));
      before = await memoryCount(engine);
    }
    first.process.kill("SIGKILL");
    await first.exited;
    o.log?.(`R2: relay-1 killed with ${before} memories in mem0`);

    database = await createDb({ dataDir });
    const unsettled = (await createOutbox(database.db).stats()).inFlight;
    await database.close();

    const second = spawnTs(fixture("relay-child.ts"), {
      ...args,
      leaseMs: 30_000,
      relayId: "relay-2",
      exitWhenDrained: true,
    });
    relays.push(second);
    const code = await second.exited;
    if (code !== 0) throw new Error(`R2: restarted relay exited with ${code}`);
    const drained = second.output().trim().split("\n").pop() ?? "";
    const relay2 = JSON.parse(drained.replace(/^drained /, "")) as Record<string, number>;

    database = await createDb({ dataDir });
    const stats = await createOutbox(database.db).stats();
    await database.close();
    const counts = countExactly(markers, await storedMarkers(engine, users));
    return {
      ...counts,
      memoriesAtKill: before,
      inFlightAtKill: unsettled,
      delivered: stats.delivered,
      dead: stats.dead,
      failedAttempts: stats.failed,
      restartedRelay: relay2,
    };
  } finally {
    // A scenario that failed half-way must not leave a relay process behind.
    for (const r of relays)
      if (r.process.exitCode === null && r.process.signalCode === null) r.process.kill("SIGKILL");
    await engine.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function memoryCount(engine: { url: string; apiKey: string }): Promise<number> {
  const res = await fetch(`${engine.url}/embedded/info`, {
    headers: { "x-api-key": engine.apiKey },
    signal: AbortSignal.timeout(10_000),
  });
  return Number(((await res.json()) as { memories?: unknown }).memories ?? 0);
}
