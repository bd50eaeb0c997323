/**
 * Runs tasks one after another per key, and tasks of different keys concurrently. The embedded engine is the
 * only writer of its cluster (PGlite is single-process and the data directory is locked), so serialising the
 * adds of one job key inside this process is enough to make "look up, then insert" atomic for that key.
 * Hand-written rather than a dependency: p-limit / async-mutex give one global limit or one mutex, not a
 * lock per key that is forgotten once idle (ten lines either way).
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    // Forget the key once its last task is done, so the map holds only keys with work queued.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with work queued or running (for tests). */
  get size(): number {
    return this.tails.size;
  }
}
