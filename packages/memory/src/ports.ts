/**
 * What the memory service needs from its collaborators, as structural types. The real @automatos/mem0-client
 * and @automatos/db outbox satisfy them (checked where the stack is assembled); keeping the service on these
 * narrow shapes lets fault-injection tests wrap the real client without re-implementing it.
 */

export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  requestId?: string;
}

export interface Mem0Memory {
  id: string;
  memory: string;
  hash: string | null;
  metadata: Record<string, unknown> | null;
  userId: string | null;
  agentId: string | null;
  runId: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  score?: number;
  expirationDate?: string | null;
}

export interface Mem0HistoryEntry {
  id: string;
  memoryId: string;
  oldMemory: string | null;
  newMemory: string | null;
  event: string;
  createdAt: string | null;
  updatedAt: string | null;
  isDeleted: boolean;
}

export interface EntityIds {
  userId?: string;
  agentId?: string;
  runId?: string;
}

export type AddResult =
  | { status: "done"; results: { id: string; memory: string; event: string }[]; inference?: "on" | "off" }
  | { status: "pending"; eventId: string };

export type BreakerState = "closed" | "open" | "half-open";

export interface Mem0Port {
  add(
    req: EntityIds & {
      messages: { role: string; content: string }[];
      metadata?: Record<string, unknown>;
      infer?: boolean;
    },
    opts?: CallOptions,
  ): Promise<AddResult>;
  search(
    req: { query: string; filters: Record<string, unknown>; topK?: number; threshold?: number },
    opts?: CallOptions,
  ): Promise<Mem0Memory[]>;
  getAll(req: EntityIds & { topK?: number }, opts?: CallOptions): Promise<Mem0Memory[]>;
  get(id: string, opts?: CallOptions): Promise<Mem0Memory | null>;
  update(
    id: string,
    req: { text?: string; metadata?: Record<string, unknown> },
    opts?: CallOptions,
  ): Promise<void>;
  delete(id: string, opts?: CallOptions): Promise<void>;
  deleteAll(req: EntityIds, opts?: CallOptions): Promise<void>;
  history(id: string, opts?: CallOptions): Promise<Mem0HistoryEntry[]>;
  entities(opts?: CallOptions): Promise<{ id: string; type: string }[]>;
  ping(opts?: CallOptions): Promise<{ ok: true; latencyMs: number }>;
  breakerState(): BreakerState;
}

export interface OutboxStatsView {
  pending: number;
  inFlight: number;
  delivered: number;
  failed: number;
  dead: number;
  oldestPendingAgeMs: number;
}

export interface OutboxPort {
  enqueue(job: {
    idempotencyKey: string;
    mem0Ids: { user_id?: string; agent_id?: string; run_id?: string };
    payload: {
      messages: { role: string; content: string }[];
      metadata?: Record<string, unknown>;
      infer?: boolean;
    };
  }): Promise<{ jobId: string; status: string; duplicate: boolean }>;
  stats(): Promise<OutboxStatsView>;
}
