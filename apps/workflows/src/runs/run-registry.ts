/**
 * The runs whose memory still exists: registered when a run starts, removed once its run memory is
 * forgotten. A run that never got that far (crash, failed forget) stays here until the TTL sweep forgets
 * it. User tokens are kept in this process only, never persisted: they are secrets, and short-lived.
 */
export interface RunEntry {
  runId: string;
  workflowId: string;
  workspaceId: string;
  userId: string;
  /** Epoch ms after which the run's memory must be gone. */
  expiresAt: number;
}

export interface RunRegistry {
  add(entry: RunEntry): Promise<void>;
  remove(runId: string): Promise<void>;
  /** Entries whose expiresAt is at or before `now`, oldest first. */
  expired(now: number): Promise<RunEntry[]>;
  all(): Promise<RunEntry[]>;
}

/** Copies only the registry's fields: nothing else (a user token, say) can reach a registry by accident. */
export function toEntry(e: RunEntry): RunEntry {
  return {
    runId: e.runId,
    workflowId: e.workflowId,
    workspaceId: e.workspaceId,
    userId: e.userId,
    expiresAt: e.expiresAt,
  };
}

export function sortExpired(entries: Iterable<RunEntry>, now: number): RunEntry[] {
  return [...entries].filter((e) => e.expiresAt <= now).sort((a, b) => a.expiresAt - b.expiresAt);
}

/** In this process only: a restart forgets the registry (use the file registry to survive one). */
export function createMemoryRunRegistry(): RunRegistry {
  const runs = new Map<string, RunEntry>();
  return {
    add: async (entry) => {
      runs.set(entry.runId, toEntry(entry));
    },
    remove: async (runId) => {
      runs.delete(runId);
    },
    expired: async (now) => sortExpired(runs.values(), now),
    all: async () => [...runs.values()],
  };
}
