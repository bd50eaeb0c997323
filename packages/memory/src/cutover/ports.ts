/**
 * The legacy -> mem0 cutover, as seen by the memory service: two small ports the composition root fills in
 * (the gateway, from @automatos/memory-migration over LEGACY_DATABASE_URL). @automatos/memory never imports
 * the migration package: the dependency points from the migration to these shapes.
 *
 * Modes (per workspace, table `workspace_memory_mode` in @automatos/db; README "Cutover modes"):
 * - `legacy`: the legacy store is the system of record. remember writes a legacy-format row only (the backfill
 *   moves it to mem0 later); add is refused (it exists to return mem0's answer).
 * - `dual`: remember writes to mem0 and mirrors a legacy-format row marked `dual_write` (the backfill skips
 *   it), so a rollback to `legacy` loses nothing. add writes to mem0 and queues the mirror.
 * - `mem0`: mem0 only.
 * Reads (recall, search, list, get) come from mem0 in every mode: the service has no legacy read path.
 */
import type { OutboxPort } from "../ports.js";

export type MemoryMode = "legacy" | "dual" | "mem0";

export interface WorkspaceModes {
  /** The workspace's mode; the default when it has no row. Throws when the mode cannot be read. */
  modeOf(workspaceId: string): Promise<MemoryMode>;
}

/** Who a legacy row belongs to: a chat user's turn, or an agent's memory. */
export type LegacyOwner =
  | { kind: "user"; workspaceId: string; userId: string }
  | { kind: "agent"; workspaceId: string; agentId: string };

/** One remembered turn in the shape the legacy store can hold. */
export interface LegacyTurn {
  /** Derived from the remember's idempotency key: a redelivered job writes the same row, never a second. */
  rowId: string;
  /** `dual`: already in mem0 (the backfill skips it); `legacy`: only here (the backfill migrates it). */
  origin: "dual" | "legacy";
  owner: LegacyOwner;
  messages: { role: string; content: string }[];
}

export interface LegacyMirror {
  /** False when the legacy schema cannot hold this owner (e.g. ids it does not use): mem0 only then. */
  represents(owner: LegacyOwner): boolean;
  /** Inserts the row unless a row with `rowId` exists. Throws on failure (the relay retries). */
  write(turn: LegacyTurn): Promise<void>;
}

/** An outbox job as the service hands it over (the mem0 add, or the legacy mirror, see mirror-job.ts). */
export type OutboxJob = Parameters<OutboxPort["enqueue"]>[0];

/** What the service gets in its context when the host has a legacy store. */
export interface Cutover {
  modes: WorkspaceModes;
  mirror: Pick<LegacyMirror, "represents">;
  /** Stores all jobs or none (one transaction), so a turn never reaches one store without the other. */
  enqueueTogether(jobs: OutboxJob[]): Promise<{ jobId: string; status: string; duplicate: boolean }[]>;
}
