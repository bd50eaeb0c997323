/**
 * Collects single-item calls made in the same tick into one batch call (mem0 embeds every added memory with
 * its own embedQuery call; the model is several times faster per text in a batch of 32 than one at a time).
 * At most `maxBatch` items go into one call; one batch runs at a time, the next one collects meanwhile.
 */
export function createMicroBatcher<I, O>(
  runBatch: (items: I[]) => Promise<O[]>,
  maxBatch: number,
): (item: I) => Promise<O> {
  interface Pending {
    item: I;
    resolve: (value: O) => void;
    reject: (err: unknown) => void;
  }
  let queue: Pending[] = [];
  let scheduled = false;
  let running = false;

  const drain = async () => {
    scheduled = false;
    if (running) return; // the running batch drains again when it ends
    running = true;
    try {
      while (queue.length > 0) {
        const batch = queue.slice(0, maxBatch);
        queue = queue.slice(batch.length);
        try {
          const results = await runBatch(batch.map((p) => p.item));
          for (const [i, p] of batch.entries()) p.resolve(results[i] as O);
        } catch (err) {
          for (const p of batch) p.reject(err);
        }
      }
    } finally {
      running = false;
    }
  };

  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!scheduled && !running) {
        scheduled = true;
        setImmediate(drain); // after this tick's other calls have queued
      }
    });
}
