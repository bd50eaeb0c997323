/**
 * The public, dialect-neutral surface of the client (docs/architecture.md §5; the two wire dialects it hides are
 * docs/mem0-contract.md §1 and §2).
 * Wire shapes (snake_case, per dialect) live in src/schemas; everything here is normalised camelCase.
 */
import type { Dispatcher } from "undici";
import type { BreakerState } from "./resilience/breaker-state.js";

export type Mem0Dialect = "server" | "platform";

/** One memory, normalised from either dialect. `score` only on search results. */
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

export interface Mem0Entity {
  id: string;
  type: string;
  totalMemories: number;
  createdAt: string | null;
  updatedAt: string | null;
}

export interface Mem0Message {
  role: string;
  content: string;
}

export interface EntityIds {
  userId?: string;
  agentId?: string;
  runId?: string;
}

export interface AddRequest extends EntityIds {
  messages: Mem0Message[];
  metadata?: Record<string, unknown>;
  /** Omitted: the engine default (true: one LLM extraction call). */
  infer?: boolean;
  /** "YYYY-MM-DD"; null clears. */
  expirationDate?: string | null;
}

export interface AddedMemory {
  id: string;
  memory: string;
  event: string;
}

/**
 * The server adds synchronously; the platform answers with an event that the client polls. When the poll
 * deadline passes first, the caller gets the event id instead of pretending the memory exists.
 */
export type AddResult =
  | { status: "done"; results: AddedMemory[]; inference?: "on" | "off" }
  | { status: "pending"; eventId: string };

export interface SearchRequest {
  query: string;
  /** Must hold at least one of user_id / agent_id / run_id (snake_case, exactly as mem0 stores them). */
  filters: Record<string, unknown>;
  topK?: number;
  threshold?: number;
  explain?: boolean;
}

/** Memories of one scope whose metadata holds exactly these string values (see findByMetadata). */
export interface FindByMetadataRequest extends EntityIds {
  metadata: Record<string, string>;
  /** Text to search with (the server can only filter metadata inside a search): the memory's own text. */
  query: string;
  /** Default 100. */
  topK?: number;
}

export interface GetAllRequest extends EntityIds {
  topK?: number;
}

export interface UpdateRequest {
  text?: string;
  metadata?: Record<string, unknown>;
  expirationDate?: string | null;
}

/** What the client learned about one HTTP exchange (for tracing; never contains secrets). */
export interface CallMeta {
  requestId: string;
  status: number;
  attempts: number;
  latencyMs: number;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Overall deadline for the call, retries and backoff included. */
  timeoutMs?: number;
  /** Sent as X-Request-ID; generated when absent. */
  requestId?: string;
  /**
   * Called after each successful HTTP exchange with the request id mem0 echoed back (once for most calls;
   * a platform add also reports each event poll, a paged list each page).
   */
  onMeta?: (meta: CallMeta) => void;
}

export interface Mem0Logger {
  debug(obj: Record<string, unknown>, msg: string): void;
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
  error(obj: Record<string, unknown>, msg: string): void;
}

export interface Mem0ClientOptions {
  baseUrl: string;
  dialect?: Mem0Dialect;
  /** server: X-API-Key; platform: Authorization: Token. */
  apiKey?: string;
  /** server only: Authorization: Bearer (wins over apiKey, as on the server). */
  bearerToken?: string;
  timeouts?: { connectMs?: number; headersMs?: number; bodyMs?: number };
  /** Maximum open connections to the mem0 origin. */
  connections?: number;
  /** maxAttempts counts the first call: 3 means one call plus up to two retries. */
  retry?: { maxAttempts?: number; baseDelayMs?: number; maxDelayMs?: number };
  breaker?: { consecutiveFailures?: number; halfOpenAfterMs?: number };
  eventPoll?: { intervalMs?: number; deadlineMs?: number };
  /** Bring your own dispatcher (it is not closed by close()). */
  dispatcher?: Dispatcher;
  logger?: Mem0Logger;
}

export interface Mem0Client {
  readonly dialect: Mem0Dialect;
  add(req: AddRequest, opts?: CallOptions): Promise<AddResult>;
  search(req: SearchRequest, opts?: CallOptions): Promise<Mem0Memory[]>;
  getAll(req: GetAllRequest, opts?: CallOptions): Promise<Mem0Memory[]>;
  /**
   * Memories of the scope carrying the given metadata values (server dialect: a filtered search, threshold
   * 0); null when the dialect cannot tell (platform). For the outbox's "did my add land?" check.
   */
  findByMetadata(req: FindByMetadataRequest, opts?: CallOptions): Promise<Mem0Memory[] | null>;
  /** null when the memory does not exist (the server's `200 null`, the platform's 404). */
  get(id: string, opts?: CallOptions): Promise<Mem0Memory | null>;
  update(id: string, req: UpdateRequest, opts?: CallOptions): Promise<void>;
  delete(id: string, opts?: CallOptions): Promise<void>;
  deleteAll(req: EntityIds, opts?: CallOptions): Promise<void>;
  history(id: string, opts?: CallOptions): Promise<Mem0HistoryEntry[]>;
  /** server only (wipes everything); the platform dialect rejects it without a request. */
  reset(opts?: CallOptions): Promise<void>;
  entities(opts?: CallOptions): Promise<Mem0Entity[]>;
  deleteEntity(type: "user" | "agent" | "run", id: string, opts?: CallOptions): Promise<void>;
  ping(opts?: CallOptions): Promise<{ ok: true; latencyMs: number }>;
  breakerState(): BreakerState;
  /** Returns an unsubscribe function. */
  onBreakerChange(listener: (state: BreakerState) => void): () => void;
  close(): Promise<void>;
}
