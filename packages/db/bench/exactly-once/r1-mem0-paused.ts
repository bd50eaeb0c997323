/**
 * R1 on the real embedded engine: remembers keep arriving while mem0 is paused (SIGSTOP: connections are
 * accepted and requests queue unanswered, so adds time out although mem0 will apply them once it resumes:
 * the ambiguous case). After recovery the memories in mem0 are counted exactly: 0 lost, 0 duplicated.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb } from "../../src/create-db.js";
import { createOutbox } from "../../src/outbox/outbox.js";
import { createRelay } from "../../src/outbox/relay.js";
import { createTestWriter } from "../../src/testing/mem0-writer.js";
import { countExactly, rememberJob, startEngineProcess, storedMarkers } from "./engine-process.js";

export interface R1Options {
  /** Before the pause, and again after it while remembers keep arriving. */
  upMs: number;
  pauseMs: number;
  arrivalMs: number;
  users: number;
  drainTimeoutMs: number;
  /** Shorter than the pause, so adds sent into it time out although mem0 applies them when it resumes. */
  deliveryTimeoutMs: number;
  log?: (line: string) => void;
}

export async function runR1(o: R1Options) {
  const dir = mkdtempSync(join(tmpdir(), "r1-engine-"));
  const engine = await startEngineProcess(join(dir, "mem0"));
  const database = await createDb({ dataDir: join(dir, "outbox") });
  const { writer } = await createTestWriter({
    baseUrl: engine.url,
    apiKey: engine.apiKey,
    breaker: { consecutiveFailures: 5, halfOpenAfterMs: 1_000 },
  });
  const relay = createRelay({
    db: database.db,
    mem0: writer,
    // The engine applies adds one at a time (one PGlite session): 4 in flight keep each under its deadline
    // on a loaded machine; 32 in flight queued past it, and every timed-out add was still applied.
    lanes: 1,
    batchSize: 4,
    leaseMs: o.deliveryTimeoutMs + 5_000,
    deliveryTimeoutMs: o.deliveryTimeoutMs,
    backoff: { baseMs: 200, maxMs: 2_000 },
    breakerPollMs: 100,
    idleDelayMs: 50,
  });
  const outbox = createOutbox(database.db, { onEnqueued: relay.notify });
  const run = `r1${Date.now().toString(36)}`;
  const users = Array.from({ length: o.users }, (_, u) => `workspace_${run}_user_u${u}`);
  const accepted: string[] = [];
  let refused = 0;
  try {
    relay.start();
    let arriving = true;
    const arrivals = (async () => {
      for (let i = 0; arriving; i++) {
        const marker = `${run}-${i}`;
        try {
          await outbox.enqueue(rememberJob(marker, users[i % o.users] as string));
          accepted.push(marker);
        } catch {
          refused++;
        }
        await new Promise((r) => setTimeout(r, o.arrivalMs));
      }
    })();
    await new Promise((r) => setTimeout(r, o.upMs));
    engine.pause();
    o.log?.(`R1: mem0 paused after ${accepted.length} remembers`);
    await new Promise((r) => setTimeout(r, o.pauseMs));
    const atResume = await outbox.stats();
    engine.resume();
    o.log?.(`R1: mem0 resumed, backlog ${atResume.pending + atResume.inFlight}`);
    await new Promise((r) => setTimeout(r, o.upMs));
    arriving = false;
    await arrivals;
    const drainStart = Date.now();
    for (;;) {
      const s = await outbox.stats();
      if (s.pending === 0 && s.inFlight === 0) break;
      if (Date.now() - drainStart > o.drainTimeoutMs)
        throw new Error(`R1: backlog not drained after ${o.drainTimeoutMs} ms: ${JSON.stringify(s)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const drainMs = Date.now() - drainStart;
    await relay.stop();
    // Anything mem0 still had queued from the pause has been answered by now (the relay re-sent those jobs
    // and got their answers after the queued ones); a short wait covers a request still being applied.
    await new Promise((r) => setTimeout(r, 1_000));
    const stats = await outbox.stats();
    const counts = countExactly(accepted, await storedMarkers(engine, users));
    return {
      ...counts,
      refused,
      backlogAtResume: atResume.pending + atResume.inFlight,
      failedAttempts: stats.failed,
      dead: stats.dead,
      delivered: stats.delivered,
      drainMs,
      relay: relay.counters(),
    };
  } finally {
    await relay.stop();
    await writer.close?.();
    await database.close();
    await engine.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
