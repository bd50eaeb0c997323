/**
 * Where the service learns a workspace's cutover mode: the `workspace_memory_mode` table of @automatos/db
 * (written by `pnpm migrate:legacy --set-mode`), behind a short cache because every remember asks.
 *
 * Bound on staleness: a mode switch takes effect in this process within `ttlMs` (default 5 s). Operators
 * switch legacy -> dual BEFORE the final migration pass and verification, so a turn or two still written in
 * the old mode during those seconds is caught by that pass (legacy rows) or was already in mem0.
 */
import { type Database, schema } from "@automatos/db";
import { canonicalRawId } from "@automatos/memory-policy";
import { eq } from "drizzle-orm";
import type { MemoryMode, WorkspaceModes } from "../../cutover/ports.js";

export const MODE_CACHE_DEFAULTS = { ttlMs: 5_000, maxEntries: 10_000 } as const;

/**
 * Reads the table. A workspace without a row is in `defaultMode`: `legacy` where a legacy store exists (the
 * safe default before its migration; the migration package's getWorkspaceMode says the same).
 */
export function dbWorkspaceModes(
  database: Pick<Database, "db">,
  options: { defaultMode?: MemoryMode } = {},
): WorkspaceModes {
  const table = schema.workspaceMemoryMode;
  const fallback = options.defaultMode ?? "legacy";
  return {
    async modeOf(workspaceId) {
      const [row] = await database.db
        .select({ mode: table.mode })
        .from(table)
        .where(eq(table.workspaceId, canonicalRawId(workspaceId)))
        .limit(1);
      return row?.mode ?? fallback;
    },
  };
}

/**
 * Caches answers for `ttlMs`. Concurrent misses for one workspace share one query. Bounded: past
 * `maxEntries` the oldest entry goes (Map keeps insertion order). Failures are not cached.
 */
export function cachedWorkspaceModes(
  inner: WorkspaceModes,
  options: { ttlMs?: number; maxEntries?: number; now?: () => number } = {},
): WorkspaceModes & { clear(): void } {
  const ttlMs = options.ttlMs ?? MODE_CACHE_DEFAULTS.ttlMs;
  const maxEntries = options.maxEntries ?? MODE_CACHE_DEFAULTS.maxEntries;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { at: number; mode: Promise<MemoryMode> }>();
  return {
    modeOf(workspaceId) {
      const key = canonicalRawId(workspaceId);
      const hit = entries.get(key);
      if (hit && now() - hit.at < ttlMs) return hit.mode;
      entries.delete(key);
      const mode = inner.modeOf(key);
      entries.set(key, { at: now(), mode });
      mode.catch(() => {
        if (entries.get(key)?.mode === mode) entries.delete(key);
      });
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      return mode;
    },
    clear: () => entries.clear(),
  };
}
