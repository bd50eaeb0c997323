/**
 * What the relay needs from mem0, described structurally so @automatos/db does not depend on
 * @automatos/mem0-client at run time (the client satisfies it as is; see INTERFACES.md).
 */
export interface Mem0AddRequest {
  messages: { role: string; content: string }[];
  userId?: string;
  agentId?: string;
  runId?: string;
  metadata?: Record<string, unknown>;
  infer?: boolean;
  expirationDate?: string | null;
}

export interface Mem0CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  requestId?: string;
}

export type Mem0AddOutcome =
  | { status: "done"; results: { id: string }[] }
  | { status: "pending"; eventId: string };

export type BreakerState = "closed" | "open" | "half-open";

export interface Mem0Writer {
  add(req: Mem0AddRequest, opts?: Mem0CallOptions): Promise<Mem0AddOutcome>;
  breakerState(): BreakerState;
}

/** The fields of a mem0-client `Mem0Error` the relay looks at (read defensively: any error may arrive). */
export interface Mem0ErrorShape {
  kind?: string;
  status?: number;
  retryable?: boolean;
  message?: string;
}
