/**
 * What the memory service needs from its collaborators. The mem0 types are @automatos/mem0-client's own (one
 * definition); the service depends on the narrow `Mem0Port`, the methods it calls, so fault-injection tests
 * can wrap the real client without re-implementing it. The outbox is a port too; its stats type is
 * @automatos/db's. Type-only imports: erased at run time, so this module loads neither package.
 */
import type { DeadLetter, OutboxStats } from "@automatos/db";
import type { Mem0Client } from "@automatos/mem0-client";

export type {
  AddResult,
  BreakerState,
  CallOptions,
  EntityIds,
  Mem0HistoryEntry,
  Mem0Memory,
} from "@automatos/mem0-client";

/** The mem0 calls the service makes (all of them on @automatos/mem0-client's Mem0Client). */
export type Mem0Port = Pick<
  Mem0Client,
  | "add"
  | "search"
  | "getAll"
  | "get"
  | "update"
  | "delete"
  | "deleteAll"
  | "history"
  | "entities"
  | "ping"
  | "breakerState"
>;

/** A dead-lettered outbox job without its payload (@automatos/db's DeadLetter). */
export type DeadLetterView = DeadLetter;

/** The outbox table's counters and gauges (@automatos/db's OutboxStats). */
export type OutboxStatsView = OutboxStats;

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
  /** Dead letters whose every mem0 id starts with the prefix (one workspace's), newest first. */
  listDead(filter: { mem0IdPrefix: string; limit?: number }): Promise<DeadLetterView[]>;
  /** Moves those of `jobIds` that are dead and within the prefix back to pending with a fresh budget. */
  replayDead(filter: {
    jobIds: string[];
    mem0IdPrefix: string;
  }): Promise<{ replayed: number; jobIds: string[] }>;
}
