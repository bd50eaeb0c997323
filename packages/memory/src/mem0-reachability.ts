/**
 * Whether mem0 answers, for readiness. mem0 being slow or briefly down is what the outbox and the degraded
 * recall absorb, so a host stays ready through it; mem0 unreachable for longer than `unreachableAfterMs` (an
 * engine that will not come back, a wrong remote) makes the host unready so an orchestrator can act, and it
 * becomes ready again by itself at mem0's next answer.
 *
 * Fed by what the host sees of its own exchanges with mem0 (a dispatcher interceptor: traffic, relay
 * deliveries and the health check's ping alike), not by a probe of its own: a probe would be one more caller
 * of mem0 every second, and the health check already pings. "Unreachable for" counts from the first failure
 * seen after the last answer, so an idle host whose mem0 just went away is not called long gone.
 */
export interface Mem0ReachabilityStatus {
  reachable: boolean;
  ready: boolean;
  /** Time since the first failure after mem0's last answer (0 while it answers). */
  unreachableForMs: number;
}

export interface Mem0Reachability {
  status(): Mem0ReachabilityStatus;
  /** mem0 answered (any HTTP response that is not a 5xx). */
  noteAnswer(): void;
  /** An exchange with mem0 failed: no response (refused, reset, timeout) or a 5xx. */
  noteFailure(): void;
}

export const DEFAULT_READY_UNREACHABLE_MS = 10_000;

export function createMem0Reachability(o: {
  unreachableAfterMs: number;
  now?: () => number;
}): Mem0Reachability {
  const now = o.now ?? Date.now;
  let failingSince: number | null = null;
  return {
    status() {
      const unreachableForMs = failingSince === null ? 0 : Math.max(0, now() - failingSince);
      return {
        reachable: failingSince === null,
        ready: unreachableForMs <= o.unreachableAfterMs,
        unreachableForMs,
      };
    },
    noteAnswer() {
      failingSince = null;
    },
    noteFailure() {
      failingSince ??= now();
    },
  };
}
