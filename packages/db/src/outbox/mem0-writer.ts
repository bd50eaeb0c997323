/**
 * What the relay needs from mem0, described structurally so @automatos/db does not depend on
 * @automatos/mem0-client at run time (the client satisfies it as is; the dependency direction is docs/architecture.md §1).
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

/** Memories of one scope whose metadata holds these values (mem0-client's `findByMetadata`). */
export interface Mem0FindRequest {
  userId?: string;
  agentId?: string;
  runId?: string;
  metadata: Record<string, string>;
  query: string;
}

export interface Mem0Writer {
  add(req: Mem0AddRequest, opts?: Mem0CallOptions): Promise<Mem0AddOutcome>;
  breakerState(): BreakerState;
  /**
   * Optional: lets the relay check whether an add whose outcome it could not observe did land, before it
   * adds again. null means "cannot tell" (the relay then adds again).
   */
  findByMetadata?(req: Mem0FindRequest, opts?: Mem0CallOptions): Promise<{ id: string }[] | null>;
}

/** The fields of a mem0-client `Mem0Error` the relay looks at (read defensively: any error may arrive). */
export interface Mem0ErrorShape {
  kind?: string;
  status?: number;
  retryable?: boolean;
  message?: string;
  /** The network error code under a connection failure (ECONNREFUSED, UND_ERR_SOCKET, ...). */
  causeCode?: string;
}
