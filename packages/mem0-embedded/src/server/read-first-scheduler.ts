/**
 * Reads before writes on the embedded engine. PGlite is one single-threaded session: every SQL statement of
 * every request runs in arrival order, so a search that arrives behind a burst of adds (each several
 * statements: insert, history, lexical column) waits for all of them. Here a search, list or get starts at
 * once, while writes start only up to a small number at a time, and only one at a time while any read is
 * running: a read then waits behind at most the statements of the writes already started.
 *
 * Writes still drain (one always may run, so reads cannot starve them), and when too many wait the engine
 * answers 429 with Retry-After: the relay's outbox retries it later (a 429 is retryable and, unlike a 5xx,
 * does not count as an outage for the client's circuit breaker), so nothing is lost and the backlog moves to
 * the durable outbox instead of memory here.
 */
import { HttpError } from "./http-error.js";

export interface ReadFirstOptions {
  /** Writes running at once when no read is running (default 8: enough for the write embedder to batch; 8, 16 and 32 ingested 172-195/s alike on an idle machine). */
  maxWrites?: number;
  /** Writes allowed to wait; one more is refused with 429 (default 256). */
  maxWaitingWrites?: number;
  /** Retry-After of that 429, seconds (default 1). */
  retryAfterS?: number;
}

export interface SchedulerStats {
  readsRunning: number;
  writesRunning: number;
  writesWaiting: number;
  writesRefused: number;
  /** How long the oldest waiting write has waited, ms (0 when none waits). */
  oldestWaitMs: number;
}

export interface ReadFirstScheduler {
  read<T>(run: () => Promise<T>): Promise<T>;
  write<T>(run: () => Promise<T>): Promise<T>;
  stats(): SchedulerStats;
}

export function createReadFirstScheduler(options: ReadFirstOptions = {}): ReadFirstScheduler {
  const maxWrites = options.maxWrites ?? 8;
  const maxWaiting = options.maxWaitingWrites ?? 256;
  const retryAfterS = options.retryAfterS ?? 1;
  if (!Number.isInteger(maxWrites) || maxWrites < 1) throw new Error("maxWrites must be an integer >= 1");
  if (!Number.isInteger(maxWaiting) || maxWaiting < 0)
    throw new Error("maxWaitingWrites must be an integer >= 0");

  let reads = 0;
  let writes = 0;
  let refused = 0;
  const waiting: { start(): void; since: number }[] = [];

  const writeLimit = () => (reads > 0 ? 1 : maxWrites);
  const pump = () => {
    while (waiting.length > 0 && writes < writeLimit()) {
      writes++;
      waiting.shift()?.start();
    }
  };

  return {
    async read(run) {
      reads++;
      try {
        return await run();
      } finally {
        reads--;
        pump();
      }
    },
    async write(run) {
      if (writes >= writeLimit() || waiting.length > 0) {
        if (waiting.length >= maxWaiting) {
          refused++;
          throw new HttpError(
            429,
            { detail: "The embedded mem0 engine is busy with writes; retry later." },
            { "retry-after": String(retryAfterS) },
          );
        }
        await new Promise<void>((start) => waiting.push({ start, since: Date.now() }));
      } else {
        writes++;
      }
      try {
        return await run();
      } finally {
        writes--;
        pump();
      }
    },
    stats: () => ({
      readsRunning: reads,
      writesRunning: writes,
      writesWaiting: waiting.length,
      writesRefused: refused,
      oldestWaitMs: waiting[0] ? Date.now() - waiting[0].since : 0,
    }),
  };
}

/** Which requests are reads: every GET, and POST /search. */
export function isReadRequest(method: string, path: string): boolean {
  return method === "GET" || (method === "POST" && path === "/search");
}
