import type {
  BreakerState,
  Mem0AddOutcome,
  Mem0AddRequest,
  Mem0CallOptions,
  Mem0Writer,
} from "../outbox/mem0-writer.js";

/**
 * A minimal Mem0Writer over HTTP (global fetch) for the server dialect's POST /memories, with a
 * consecutive-failure breaker. Test support only: it lets this package's scenarios run end to end over
 * real loopback HTTP while @automatos/mem0-client (the production writer) is built in parallel.
 * Errors carry the fields the relay reads from mem0-client's Mem0Error (kind, status, retryable).
 */
export class LoopbackMem0Error extends Error {
  override readonly name = "LoopbackMem0Error";
  constructor(
    readonly kind:
      | "validation"
      | "auth"
      | "rate_limited"
      | "upstream"
      | "unavailable"
      | "timeout"
      | "circuit_open",
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
  get retryable(): boolean {
    return this.kind !== "validation" && this.kind !== "auth";
  }
}

export interface LoopbackWriterOptions {
  baseUrl: string;
  apiKey: string;
  /** Per-call deadline when the caller gives none (default 5 s). */
  timeoutMs?: number;
  breaker?: { consecutiveFailures?: number; halfOpenAfterMs?: number };
}

export interface LoopbackMem0Writer extends Mem0Writer {
  /** Calls refused by the open breaker so far. */
  refusedByBreaker(): number;
}

export function createLoopbackMem0Writer(options: LoopbackWriterOptions): LoopbackMem0Writer {
  const threshold = options.breaker?.consecutiveFailures ?? 5;
  const halfOpenAfterMs = options.breaker?.halfOpenAfterMs ?? 1_000;
  let failures = 0;
  let openedAt: number | null = null;
  let probing = false;
  let refused = 0;

  // Like cockatiel's breaker (inside @automatos/mem0-client), the state is lazy: it reads "open" until a
  // call is attempted after the cool-down; that call is the half-open probe.
  const state = (): BreakerState => (openedAt === null ? "closed" : probing ? "half-open" : "open");

  const record = (ok: boolean) => {
    if (ok) {
      failures = 0;
      openedAt = null;
    } else if (++failures >= threshold || openedAt !== null) openedAt = Date.now();
  };

  async function post(req: Mem0AddRequest, opts: Mem0CallOptions = {}): Promise<Mem0AddOutcome> {
    const timeout = AbortSignal.timeout(opts.timeoutMs ?? options.timeoutMs ?? 5_000);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    const body = {
      messages: req.messages,
      user_id: req.userId,
      agent_id: req.agentId,
      run_id: req.runId,
      metadata: req.metadata,
      infer: req.infer,
      expiration_date: req.expirationDate,
    };
    let res: Response;
    try {
      res = await fetch(`${options.baseUrl}/memories`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-api-key": options.apiKey,
          ...(opts.requestId ? { "x-request-id": opts.requestId } : {}),
        },
        body: JSON.stringify(body),
        signal,
      });
    } catch (err) {
      const aborted = signal.aborted;
      throw new LoopbackMem0Error(
        aborted ? "timeout" : "unavailable",
        `mem0 add failed: ${(err as Error).message}`,
      );
    }
    const text = await res.text().catch(() => "");
    if (res.ok) {
      const parsed = JSON.parse(text) as { results: { id: string }[] };
      return { status: "done", results: parsed.results };
    }
    const kind =
      res.status === 400 || res.status === 422
        ? "validation"
        : res.status === 401 || res.status === 403
          ? "auth"
          : res.status === 429
            ? "rate_limited"
            : res.status >= 500 && res.status !== 502
              ? "unavailable"
              : "upstream";
    throw new LoopbackMem0Error(kind, `mem0 add answered ${res.status}: ${text.slice(0, 200)}`, res.status);
  }

  return {
    breakerState: state,
    refusedByBreaker: () => refused,
    async add(req, opts) {
      const coolingDown = openedAt !== null && Date.now() - openedAt < halfOpenAfterMs;
      if (openedAt !== null && (coolingDown || probing)) {
        refused++;
        throw new LoopbackMem0Error("circuit_open", "mem0 breaker is open");
      }
      const isProbe = openedAt !== null;
      if (isProbe) probing = true;
      try {
        const outcome = await post(req, opts);
        record(true);
        return outcome;
      } catch (err) {
        // Only failures of mem0 itself count towards the breaker; a rejected request body does not.
        record((err as LoopbackMem0Error).retryable === false);
        throw err;
      } finally {
        if (isProbe) probing = false;
      }
    },
  };
}
