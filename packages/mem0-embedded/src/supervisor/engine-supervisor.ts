/**
 * Keeps the engine's child process alive: a child that exits (any code or signal) or stops answering its
 * health probe is replaced by a new one on the SAME loopback port, so every mem0 client holding the URL
 * reaches the new engine without being told. Restarts back off (capped exponential, jittered) while the
 * engine keeps dying young; an engine that stayed up `stableAfterMs` restarts at once.
 *
 * While the engine is down, calls fail fast: its sockets are gone, so in-flight requests get a reset and new
 * ones a refused connection (mem0-client error kind "unavailable"), never a hang.
 */
import {
  describeExit,
  type EngineChild,
  type EngineExit,
  startInChildProcess,
} from "../child/spawn-engine-process.js";
import type { EmbeddedMem0Options } from "../options.js";
import { probeEngine } from "./probe.js";
import { restartBackoff } from "./restart-backoff.js";

export interface SupervisorLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface SupervisionOptions {
  /** Health probe (`GET /auth/setup-status`) period; default 2 s. */
  probeIntervalMs?: number;
  /** Deadline of one probe; default 5 s (a loaded engine answers late, not never). */
  probeTimeoutMs?: number;
  /** Consecutive failed probes before the child is killed and replaced; default 3. */
  probeMisses?: number;
  /** First restart delay of a crash loop; default 250 ms. */
  restartInitialDelayMs?: number;
  /** Cap of the restart delay; default 10 s. */
  restartMaxDelayMs?: number;
  /** A child up this long counts as healthy: its death restarts at once and resets the backoff; default 30 s. */
  stableAfterMs?: number;
  /** Where restarts are reported (pino-compatible); default: one line on stderr per event. */
  logger?: SupervisorLogger;
}

export type DeathCause = "exit" | "unresponsive";

/** One restart, as listeners and the status see it. */
export interface EngineRestart {
  cause: DeathCause;
  /** e.g. "code 0", "signal SIGKILL". */
  exit: string;
  /** From the death to the new engine answering. */
  downMs: number;
  restarts: number;
}

export interface SupervisionStatus {
  state: "running" | "restarting" | "stopped";
  pid: number | null;
  restarts: number;
  lastExit: { cause: DeathCause; exit: string; at: string } | null;
}

export interface EngineSupervision {
  status(): SupervisionStatus;
  /** Called after each successful restart; returns an unsubscribe function. */
  onRestart(listener: (restart: EngineRestart) => void): () => void;
}

const consoleLogger: SupervisorLogger = {
  info: (obj, msg) => console.error(`[mem0-embedded] ${msg} ${JSON.stringify(obj)}`),
  warn: (obj, msg) => console.error(`[mem0-embedded] ${msg} ${JSON.stringify(obj)}`),
  error: (obj, msg) => console.error(`[mem0-embedded] ${msg} ${JSON.stringify(obj)}`),
};

export interface SupervisedEngine {
  url: string;
  apiKey: string;
  inference: "on" | "off";
  embedder: string;
  supervision: EngineSupervision;
  close(): Promise<void>;
}

/** Starts the engine in a child process and supervises it until `close()`. */
export async function superviseEngine(
  options: EmbeddedMem0Options,
  so: SupervisionOptions = {},
): Promise<SupervisedEngine> {
  const log = so.logger ?? consoleLogger;
  const probeIntervalMs = so.probeIntervalMs ?? 2_000;
  const probeTimeoutMs = so.probeTimeoutMs ?? 5_000;
  const probeMisses = so.probeMisses ?? 3;
  const stableAfterMs = so.stableAfterMs ?? 30_000;
  const backoff = restartBackoff(so.restartInitialDelayMs ?? 250, so.restartMaxDelayMs ?? 10_000);

  const first = await startInChildProcess(options);
  // Restarts bind the port the first engine got, so the URL the clients hold stays right.
  const port = Number(new URL(first.url).port);
  const listeners = new Set<(r: EngineRestart) => void>();
  let current: EngineChild | null = null;
  let startedAt = 0;
  let state: SupervisionStatus["state"] = "running";
  let restarts = 0;
  let lastExit: SupervisionStatus["lastExit"] = null;
  let closing = false;
  let restarting: Promise<void> | null = null;
  const wake = new AbortController();

  function adopt(child: EngineChild): void {
    current = child;
    startedAt = Date.now();
    let misses = 0;
    let killedUnresponsive = false;
    const timer = setInterval(() => {
      void probeEngine(first.url, probeTimeoutMs).then((ok) => {
        // A child shutting down on its own closed its server first: wait for its exit, do not kill it.
        if (current !== child || closing || killedUnresponsive || child.stoppingReason()) return;
        misses = ok ? 0 : misses + 1;
        if (misses < probeMisses) return;
        killedUnresponsive = true;
        log.error(
          { pid: child.pid, misses, probeTimeoutMs },
          "embedded mem0 engine stopped answering its health probe: killing it",
        );
        child.kill();
      });
    }, probeIntervalMs);
    timer.unref(); // supervision must not keep an otherwise finished host alive
    void child.exited.then((exit) => {
      clearInterval(timer);
      if (current !== child || closing) return;
      restarting = restart(child, killedUnresponsive ? "unresponsive" : "exit", exit);
    });
  }

  async function restart(dead: EngineChild, cause: DeathCause, exit: EngineExit): Promise<void> {
    const diedAt = Date.now();
    state = "restarting";
    current = null;
    const said = dead.stoppingReason();
    lastExit = {
      cause,
      exit: `${describeExit(exit)}${said ? ` (${said})` : ""}`,
      at: new Date(diedAt).toISOString(),
    };
    const upMs = diedAt - startedAt;
    // A long-lived engine restarts at once; one that keeps dying young waits longer each time (capped).
    if (upMs >= stableAfterMs) backoff.reset();
    let delay = upMs >= stableAfterMs ? 0 : backoff.next();
    log.error(
      { pid: dead.pid, cause, exit: lastExit.exit, upMs, restartInMs: delay },
      "embedded mem0 engine died: restarting it",
    );
    while (!closing) {
      await sleep(delay, wake.signal);
      if (closing) break;
      try {
        const child = await startInChildProcess({ ...options, port });
        if (closing) {
          await child.close().catch(() => undefined);
          break;
        }
        restarts++;
        state = "running";
        adopt(child);
        const event: EngineRestart = { cause, exit: lastExit.exit, downMs: Date.now() - diedAt, restarts };
        log.info({ pid: child.pid, ...event }, "embedded mem0 engine restarted");
        for (const l of listeners) l(event);
        return;
      } catch (err) {
        delay = backoff.next();
        log.error(
          { err: (err as Error).message, retryInMs: delay },
          "embedded mem0 engine restart failed: retrying",
        );
      }
    }
  }

  adopt(first);
  return {
    url: first.url,
    apiKey: first.apiKey,
    inference: first.inference,
    embedder: first.embedder,
    supervision: {
      status: () => ({ state, pid: current?.pid ?? null, restarts, lastExit }),
      onRestart: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    close: async () => {
      closing = true;
      state = "stopped";
      wake.abort();
      await restarting;
      await current?.close();
    },
  };
}

/** Waits `ms`, or less if `signal` aborts (close() must not wait out a backoff). */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}
