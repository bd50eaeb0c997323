/**
 * mem0's search embeds every proper noun of the query and runs one `memories_entities` query per noun (top
 * 500 each) for the entity boost. Entities are only created by inferred adds and text updates, so with
 * inference off the table is usually empty and those queries (~8 ms each on PGlite, ~1.5 per search) return
 * nothing. While the table is known to be empty, `search` answers [] without the round trip; the first
 * insert switches the shortcut off for good (deletes never switch it back on: staying conservative).
 *
 * The nouns' embeddings are wasted too while the table is empty (one model run per noun, ~2.8 ms of CPU per
 * search measured under load): the engine hands mem0 placeholders instead (`unusedVector`, see
 * mem0-engine.ts). A placeholder that reaches `search` after the first insert (a search that began just
 * before it) is answered [] as well: that one search goes without the entity boost, never with a wrong one.
 */
import type { PGlite } from "@electric-sql/pglite";

interface EntityStoreLike {
  search: (...args: unknown[]) => Promise<unknown[]>;
  insert: (...args: unknown[]) => Promise<unknown>;
  __emptyShortcut?: EmptyEntityStore;
}

export interface EmptyEntityStore {
  /** True while the entity table is known to be empty. */
  isEmpty(): boolean;
}

const unused = new WeakSet<object>();

/** A vector the entity store answers [] for, without a query: for a noun whose embedding nothing reads. */
export function unusedVector(dimensions: number): number[] {
  const v = new Array<number>(dimensions).fill(0);
  unused.add(v);
  return v;
}

export async function shortcutEmptyEntityStore(
  store: unknown,
  db: PGlite,
  table: string,
): Promise<EmptyEntityStore> {
  const s = store as EntityStoreLike;
  if (!s || typeof s.search !== "function" || typeof s.insert !== "function") return { isEmpty: () => false };
  if (s.__emptyShortcut) return s.__emptyShortcut;
  const { rows } = await db.query<{ empty: boolean }>(
    `SELECT NOT EXISTS (SELECT 1 FROM "${table}") AS empty`,
  );
  let empty = rows[0]?.empty === true;
  const search = s.search.bind(s);
  const insert = s.insert.bind(s);
  s.insert = async (...args) => {
    empty = false;
    return insert(...args);
  };
  s.search = async (...args) => {
    const vector = args[0];
    if (empty || (typeof vector === "object" && vector !== null && unused.has(vector))) return [];
    return search(...args);
  };
  s.__emptyShortcut = { isEmpty: () => empty };
  return s.__emptyShortcut;
}
