/** One `memory_items` row as the migration reads it: no embedding, timestamps as naive text. */
export interface LegacyRow {
  id: string;
  agentId: number | null;
  workspaceId: string | null;
  content: string;
  memoryType: string;
  memoryLevel: string | null;
  importance: number | null;
  accessCount: number | null;
  /** `last_access::text` (naive). */
  lastAccess: string | null;
  /** `created_at::text` (naive). */
  createdAt: string | null;
  /** Keyset sort key: `COALESCE(created_at, '-infinity')::text`. */
  sortTs: string;
}

/** Keyset position: the last row handled, in (sort_ts, id) order. */
export interface KeysetPosition {
  sortTs: string;
  id: string;
}

/** What the identity tables say about the rows of one page (batched look-ups, see owner-lookups.ts). */
export interface OwnerLookups {
  chats: ReadonlyMap<string, { userId: number; workspaceId: string | null }>;
  /** First non-NULL messages.workspace_id per chat (legacy backfill source). */
  messageWorkspaces: ReadonlyMap<string, string>;
  /** Present key = workspace exists; value = owner_id (may be NULL). */
  workspaceOwners: ReadonlyMap<string, number | null>;
  agents: ReadonlyMap<number, { workspaceId: string | null }>;
  workflows: ReadonlyMap<string, { workspaceId: string | null }>;
}
