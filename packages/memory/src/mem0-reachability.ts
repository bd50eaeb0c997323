/**
 * Whether mem0 answers, for readiness. mem0 being slow or briefly down is what the outbox and the degraded
 * recall absorb, so a host stays ready through it; mem0 silent for longer than `unreachableAfterMs` (an
 * engine that will not come back, a wrong remote) makes the host unready so an orchestrator can act, and it
 * becomes ready again by itself on the next answer.
 *
 * A background probe (a ping on its own connection, so it never queues behind busy traffic) runs every
 * `intervalMs`; any other answer from mem0 (`noteAnswer`, e.g. from a dispatcher interceptor) counts too, so
 * a mem0 too busy to answer one probe in time but answering traffic is not called unreachable.
 */
export interface Mem0Reachability {
  /** `unreachableForMs`: time since mem0 last answered (0 while it answers). */
  status(): { reachable: boolean; ready: boolean; unreachableForMs: number; lastError: string | null };
  /** mem0 answered something (any HTTP response): it is reachable. */
  noteAnswer(): void;
  start(): void;
  stop(): Promise<void>;
}

export interface Mem0ReachabilityOptions {
  /** One probe; resolves when mem0 answered, rejects otherwise. Must honour `timeoutMs` itself. */
  probe: (timeoutMs: number) => Promise<unknown>;
  unreachableAfterMs: number;
  intervalMs?: number;
  now?: () => number;
}

export const DEFAULT_READY_UNREACHABLE_MS = 10_000;

export function createMem0Reachability(o: Mem0ReachabilityOptions): Mem0Reachability {
  const now = o.now ?? Date.now;
  // Several probes fit in the allowed silence, and one probe never outlives the interval by much.
  const intervalMs = o.intervalMs ?? Math.max(100, Math.min(1_000, Math.floor(o.unreachableAfterMs / 4)));
  const timeoutMs = Math.max(100, Math.min(5_000, Math.floor(o.unreachableAfterMs / 2)));
  let lastAnswerAt = now();
  let lastFailed = false;
  let lastError: string | null = null;
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<void> | null = null;

  const probeOnce = async () => {
    try {
      await o.probe(timeoutMs);
      lastAnswerAt = now();
      lastFailed = false;
      lastError = null;
    } catch (err) {
      lastFailed = true;
      const kind = (err as { kind?: unknown }).kind;
      lastError = typeof kind === "string" ? kind : ((err as Error)?.name ?? "error");
    }
  };

  return {
    status() {
      const silentMs = now() - lastAnswerAt;
      const reachable = !lastFailed || silentMs < intervalMs;
      const unreachableForMs = reachable ? 0 : silentMs;
      return { reachable, ready: silentMs <= o.unreachableAfterMs, unreachableForMs, lastError };
    },
    noteAnswer() {
      lastAnswerAt = now();
    },
    start() {
      if (timer) return;
      lastAnswerAt = now();
      timer = setInterval(() => {
        inFlight ??= probeOnce().finally(() => {
          inFlight = null;
        });
      }, intervalMs);
      timer.unref(); // a probe must not keep a finished host alive
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await inFlight;
    },
  };
}
