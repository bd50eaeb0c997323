/**
 * mem0's search embeds every proper noun of the query and runs one `memories_entities` query per noun (top
 * 500 each) for the entity boost. Entities are only created by inferred adds and text updates, so with
 * inference off the table is usually empty and those queries (~8 ms each on PGlite, ~1.5 per search) return
 * nothing. While the table is known to be empty, `search` answers [] without the round trip; the first
 * insert switches the shortcut off for good (deletes never switch it back on: staying conservative).
 */
import type { PGlite } from "@electric-sql/pglite";

interface EntityStoreLike {
  search: (...args: unknown[]) => Promise<unknown[]>;
  insert: (...args: unknown[]) => Promise<unknown>;
  __emptyShortcut?: true;
}

export async function shortcutEmptyEntityStore(store: unknown, db: PGlite, table: string): Promise<void> {
  const s = store as EntityStoreLike;
  if (!s || typeof s.search !== "function" || typeof s.insert !== "function" || s.__emptyShortcut) return;
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
  s.search = async (...args) => (empty ? [] : search(...args));
  s.__emptyShortcut = true;
}
