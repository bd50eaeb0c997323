/**
 * Keeps ScopeVectors in step with mem0's pgvector store: its `insert`, `update` and `delete` are wrapped so
 * that each write, once its SQL succeeded, is noted on the cached scopes; `deleteCol` (mem0's reset) and any
 * write that fails (it may have been applied in part) drop every cached scope instead.
 */
import type { ScopeVectors } from "./scope-vectors.js";

type Payload = Record<string, unknown>;

export interface WritableStore {
  insert(vectors: number[][], ids: string[], payloads: Payload[]): Promise<void>;
  update(id: string, vector: number[], payload: Payload): Promise<void>;
  delete(id: string): Promise<void>;
  deleteCol?(): Promise<void>;
}

export function noteStoreWrites(store: WritableStore, vectors: ScopeVectors): void {
  const insert = store.insert.bind(store);
  const update = store.update.bind(store);
  const remove = store.delete.bind(store);
  const deleteCol = store.deleteCol?.bind(store);
  const dropAllOnFailure = <T>(write: Promise<T>): Promise<T> =>
    write.catch((err: unknown) => {
      vectors.clear();
      throw err;
    });

  store.insert = async (vs, ids, payloads) => {
    await dropAllOnFailure(insert(vs, ids, payloads));
    vectors.noteInserted(ids.map(String), vs, payloads);
  };
  store.update = async (id, vector, payload) => {
    await dropAllOnFailure(update(id, vector, payload));
    vectors.noteUpdated(String(id), vector, payload);
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
