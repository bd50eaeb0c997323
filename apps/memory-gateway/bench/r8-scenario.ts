/**
 * R8, engine death under load: the gateway on its default stack (embedded mem0 in its supervised child
 * process, PGlite), simulated users remembering and recalling, and the engine child killed mid-load (SIGKILL)
 * or stopped cleanly (SIGTERM: it closes in order and exits with code 0). Then the outbox drains and every
 * acknowledged remember is looked up in mem0: each must be there exactly once.
 *
 * Shared by the CI test (tests/engine-supervision.test.ts, small) and the bench (bench/r8-engine-death.ts).
 * Everything runs for real on loopback; the only fault is the signal sent to the engine's process.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { Writable } from "node:stream";
import { createMemoryClient } from "@automatos/memory/client";
import { toMem0Ids } from "@automatos/memory-policy";
import { request } from "undici";
import { parseGatewayEnv } from "../src/env.js";
import { createGatewayLogger } from "../src/observability/logger.js";
import { startGateway } from "../src/start-gateway.js";
import { BENCH_JWT_SECRET, BENCH_SERVICE_SECRET, benchUserToken } from "./bench-setup.js";

export interface EngineDeathOptions {
  signal: "SIGKILL" | "SIGTERM";
  users: number;
  /** Load before the kill, and after the engine is back. */
  warmupMs: number;
  afterRestartMs: number;
  /** Readiness grace given to the gateway (MEMORY_READY_UNREACHABLE_MS). */
  readyUnreachableMs: number;
  /** Pause of a simulated user between turns. */
  thinkMs: number;
  drainDeadlineMs: number;
}

export interface EngineDeathResult {
  signal: string;
  acknowledged: number;
  lost: number;
  duplicated: number;
  /** Acknowledged remembers found more than once, as the memory text's marker (for the report). */
  duplicateSamples: string[];
  /** From the signal to the new engine serving (the supervisor's restart). */
  engineDownMs: number;
  /** From the signal to the first read through the gateway that reached mem0 again (memory.list). */
  recoveryMs: number | null;
  /** From the restart to that read. */
  trafficBackAfterRestartMs: number | null;
  restarts: number;
  lastExit: string | null;
  readiness: { wentUnready: boolean; readyAgain: boolean; unreadyMs: number };
  /** Every remember acknowledged (never an error to the caller), also during the outage. */
  rememberErrors: number;
  /** Recalls answered without memories (mem0 away, or over their time budget on a loaded machine). */
  recallsDegraded: number;
  recalls: number;
  /** memory.list calls refused while mem0 was away. */
  listsFailed: number;
  drainMs: number;
  outboxAfter: { pending: number; inFlight: number; dead: number };
  metricsRestartCounter: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runEngineDeath(o: EngineDeathOptions): Promise<EngineDeathResult> {
  const dir = mkdtempSync(join(tmpdir(), "gateway-r8-"));
  const sink = new Writable({ write: (_c, _e, done) => done() });
  const config = parseGatewayEnv({
    GATEWAY_PORT: "0",
    GATEWAY_HOST: "127.0.0.1",
    GATEWAY_SERVICE_TOKENS: `chatbot:${BENCH_SERVICE_SECRET}`,
    GATEWAY_JWT_SECRET: BENCH_JWT_SECRET,
    GATEWAY_DATA_DIR: dir,
    GATEWAY_LOG_LEVEL: "warn",
  });
  const gateway = await startGateway({
    config,
    logger: createGatewayLogger(config.logLevel, sink),
    defaultMetrics: false,
    readyUnreachableMs: o.readyUnreachableMs,
    // The supervisor's defaults: the kill itself is seen at once (the child's exit event), not by the probe.
  });
  const supervision = gateway.stack.embedded?.supervision;
  if (!supervision) throw new Error("R8 needs the embedded engine in its supervised child process");
  try {
    const users = await Promise.all(
      Array.from({ length: o.users }, async (_, i) => {
        const workspaceId = `r8w${i % 5}`;
        const userId = `r8u${i}`;
        return {
          workspaceId,
          userId,
          client: createMemoryClient({
            gatewayUrl: `${gateway.url}/trpc`,
            serviceToken: BENCH_SERVICE_SECRET,
            userToken: await benchUserToken(workspaceId, userId),
            source: "r8-engine-death",
          }),
        };
      }),
    );
    const acknowledged: { userIndex: number; marker: string }[] = [];
    const listLog: { start: number; end: number; ok: boolean }[] = [];
    let recalls = 0;
    let recallsDegraded = 0;
    let rememberErrors = 0;
    let stopAt = Number.POSITIVE_INFINITY;

    const health: { at: number; ready: boolean }[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const res = await request(`${gateway.url}/healthz`, { headersTimeout: 5_000, bodyTimeout: 5_000 });
        const body = (await res.body.json()) as { ready: boolean };
        health.push({ at: performance.now(), ready: res.statusCode === 200 && body.ready });
        await sleep(100);
      }
    })();

    const load = users.map(async (u, i) => {
      for (let turn = 0; performance.now() < stopAt; turn++) {
        const marker = `[r8 u${i} t${turn}]`;
        try {
          await u.client.memory.remember.mutate({
            messages: [{ role: "user", content: `I like topic number ${turn % 7} ${marker}` }],
            idempotencyKey: `r8-user-${i}-turn-${turn}`,
          });
          acknowledged.push({ userIndex: i, marker });
        } catch {
          rememberErrors++;
        }
        const recalled = await u.client.memory.recall
          .query({ query: `What topic number do I like? ${turn}` })
          .catch(() => null);
        recalls++;
        if (!recalled || recalled.degraded) recallsDegraded++;
        // A list reads mem0 with no time budget and fails while mem0 is away: its success is "traffic flows".
        const start = performance.now();
        const listed = await u.client.memory.list
          .query({ limit: 5 })
          .then(() => true)
          .catch(() => false);
        listLog.push({ start, end: performance.now(), ok: listed });
        await sleep(o.thinkMs);
      }
    });

    await sleep(o.warmupMs);
    const pid = supervision.status().pid;
    if (!pid) throw new Error("no engine child to kill");
    const restarted = new Promise<number>((resolve) => {
      const off = supervision.onRestart(() => {
        off();
        resolve(performance.now());
      });
    });
    const killedAt = performance.now();
    process.kill(pid, o.signal);
    const restartedAt = await restarted;
    stopAt = performance.now() + o.afterRestartMs;
    await Promise.all(load);

    const drainStart = performance.now();
    let outbox = await gateway.stack.outbox.stats();
    while (
      (outbox.pending > 0 || outbox.inFlight > 0) &&
      performance.now() - drainStart < o.drainDeadlineMs
    ) {
      await sleep(200);
      outbox = await gateway.stack.outbox.stats();
    }
    const drainMs = performance.now() - drainStart;
    polling = false;
    await poller;

    // Exact count in mem0: every acknowledged remember's marker, per user scope, straight from the engine.
    const embedded = gateway.stack.embedded;
    if (!embedded) throw new Error("embedded engine gone");
    if (supervision.status().state !== "running") throw new Error("the engine died again during the run");
    const texts = await Promise.all(
      users.map(async (u) => {
        const ids = toMem0Ids({ kind: "user", workspaceId: u.workspaceId, userId: u.userId });
        const res = await request(
          `${embedded.url}/memories?user_id=${encodeURIComponent(ids.user_id ?? "")}&top_k=1000`,
          { headers: { "x-api-key": embedded.apiKey }, headersTimeout: 30_000, bodyTimeout: 30_000 },
        );
        const body = (await res.body.json()) as { results: { memory: string }[] };
        return body.results.map((r) => r.memory);
      }),
    );
    let lost = 0;
    let duplicated = 0;
    const duplicateSamples: string[] = [];
    for (const { userIndex, marker } of acknowledged) {
      const found = (texts[userIndex] ?? []).filter((t) => t.endsWith(marker)).length;
      if (found === 0) lost++;
      if (found > 1) {
        duplicated += found - 1;
        if (duplicateSamples.length < 5) duplicateSamples.push(`${marker} x${found}`);
      }
    }

    // Sent after the restart: a clean exit keeps answering while it closes, which is not recovery.
    const firstBack = listLog.filter((r) => r.start >= restartedAt && r.ok).sort((a, b) => a.end - b.end)[0];
    const unready = health.filter((h) => h.at >= killedAt && !h.ready);
    const firstUnready = unready[0]?.at;
    const readyAgainAt = firstUnready ? health.find((h) => h.at > firstUnready && h.ready)?.at : undefined;
    // What /metrics serves (read from the registry: the route's access rules are not what R8 measures).
    const metricsText = await gateway.metrics.registry.metrics();
    const counter = [...metricsText.matchAll(/^gateway_mem0_engine_restarts_total\{[^}]*\} (\d+)/gm)];
    const status = supervision.status();
    return {
      signal: o.signal,
      acknowledged: acknowledged.length,
      lost,
      duplicated,
      duplicateSamples,
      engineDownMs: Math.round(restartedAt - killedAt),
      recoveryMs: firstBack ? Math.round(firstBack.end - killedAt) : null,
      trafficBackAfterRestartMs: firstBack ? Math.round(Math.max(0, firstBack.end - restartedAt)) : null,
      restarts: status.restarts,
      lastExit: status.lastExit?.exit ?? null,
      readiness: {
        wentUnready: firstUnready !== undefined,
        readyAgain: readyAgainAt !== undefined,
        unreadyMs: firstUnready && readyAgainAt ? Math.round(readyAgainAt - firstUnready) : 0,
      },
      rememberErrors,
      recallsDegraded,
      recalls,
      listsFailed: listLog.filter((r) => !r.ok).length,
      drainMs: Math.round(drainMs),
      outboxAfter: { pending: outbox.pending, inFlight: outbox.inFlight, dead: outbox.dead },
      metricsRestartCounter: counter.reduce((n, m) => n + Number(m[1]), 0),
    };
  } finally {
    await gateway.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
