/**
 * Assembles the cutover for a stack that has a legacy store: cached modes from our database, the mirror's
 * `represents` check, and enqueueTogether (the mem0 job and its legacy mirror in one transaction).
 */
import { createOutbox, type Database } from "@automatos/db";
import type { Cutover, LegacyMirror, MemoryMode } from "../../cutover/ports.js";
import { cachedWorkspaceModes, dbWorkspaceModes } from "./workspace-modes.js";

export interface CutoverOptions {
  /** The legacy store's writer (e.g. @automatos/memory-migration's createLegacyMirror). */
  legacyMirror: LegacyMirror;
  /** How long a workspace's mode is cached; a switch takes effect within this (default 5,000 ms). */
  modeCacheMs?: number;
  /** The mode of a workspace without a row (default `legacy`). */
  defaultMode?: MemoryMode;
}

export function createCutover(
  database: Pick<Database, "db">,
  options: CutoverOptions,
  onEnqueued: () => void,
): Cutover {
  const modes = cachedWorkspaceModes(
    dbWorkspaceModes(database, options.defaultMode ? { defaultMode: options.defaultMode } : {}),
    options.modeCacheMs !== undefined ? { ttlMs: options.modeCacheMs } : {},
  );
  return {
    modes,
    mirror: { represents: (owner) => options.legacyMirror.represents(owner) },
    async enqueueTogether(jobs) {
      const results = await database.db.transaction(async (tx) => {
        const outbox = createOutbox(tx);
        const out: Awaited<ReturnType<typeof outbox.enqueue>>[] = [];
        for (const job of jobs) out.push(await outbox.enqueue(job));
        return out;
      });
      // After the commit: a relay woken inside the transaction would not see the rows yet.
      if (results.some((r) => !r.duplicate)) onEnqueued();
      return results;
    },
  };
}
