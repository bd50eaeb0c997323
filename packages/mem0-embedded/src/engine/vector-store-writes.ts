/**
 * Keeps ScopeVectors in step with mem0's pgvector store: its `insert`, `update` and `delete` are wrapped so
 * that each write, once its SQL succeeded, is noted on the cached scopes; `deleteCol` (mem0's reset) and any
 * write that fails (it may have been applied in part) drop every cached scope instead. A write that answers
 * its rows' lexemes (binary-vector-writes.ts) hands them on with the note.
 */
import type { WrittenLexemes } from "./binary-vector-writes.js";
import type { ScopeVectors } from "./scope-vectors.js";

type Payload = Record<string, unknown>;

export interface WritableStore {
  /** Resolves with the rows' lexemes when the store reads them back with the write (mem0's own does not). */
  insert(vectors: number[][], ids: string[], payloads: Payload[]): Promise<WrittenLexemes | undefined>;
  update(id: string, vector: number[], payload: Payload): Promise<WrittenLexemes | undefined>;
  delete(id: string): Promise<void>;
  deleteCol?(): Promise<void>;
}

export function noteStoreWrites(store: WritableStore, vectors: ScopeVectors): void {
  const insert = store.insert.bind(store);
  const update = store.update.bind(store);
  const remove = store.delete.bind(store);
  const deleteCol = store.deleteCol?.bind(store);
  const dropAllOnFailure = <T>(write: Promise<T>, appliedNothing?: (err: unknown) => boolean): Promise<T> =>
    write.catch((err: unknown) => {
      if (!appliedNothing?.(err)) vectors.clear();
      throw err;
    });

  store.insert = async (vs, ids, payloads) => {
    // One row refused by a unique index (an outbox job's part already stored, routes/add-memories.ts): the
    // statement changed nothing, so the cache is still right. Keeping it matters: that refusal is how every
    // redelivered job is answered.
    const lexemes = await dropAllOnFailure(
      insert(vs, ids, payloads),
      (err) => ids.length === 1 && isUniqueViolation(err),
    );
    vectors.noteInserted(ids.map(String), vs, payloads, lexemes);
    return lexemes;
  };
  store.update = async (id, vector, payload) => {
    const lexemes = await dropAllOnFailure(update(id, vector, payload));
    vectors.noteUpdated(String(id), vector, payload, lexemes?.[0]);
    return lexemes;
  };
  store.delete = async (id) => {
    await dropAllOnFailure(remove(id));
    vectors.noteDeleted(String(id));
  };
  if (deleteCol)
    store.deleteCol = async () => {
      try {
        await deleteCol();
      } finally {
        vectors.clear();
      }
    };
}

/** PostgreSQL's unique_violation (SQLSTATE 23505), wherever a caller wrapped it. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++)
    if ((e as { code?: unknown }).code === "23505") return true;
  return false;
}
