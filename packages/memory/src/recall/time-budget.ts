/**
 * Step 7 of recall: a hard time budget.
 *
 * The AbortSignal tells the mem0 client to give up (its own timeouts are longer), and the race guarantees the
 * caller gets an answer when the budget ends even if the work ignores the signal. The losing promise gets a
 * rejection handler, so a late failure can never become an unhandled rejection.
 */

export type Budgeted<T> =
  | { ok: true; value: T }
  | { ok: false; reason: "timeout" | "aborted" }
  | { ok: false; reason: "error"; error: unknown };

export async function withTimeBudget<T>(
  budgetMs: number,
  work: (signal: AbortSignal) => Promise<T>,
  parent?: AbortSignal,
): Promise<Budgeted<T>> {
  const controller = new AbortController();
  let stop: "timeout" | "aborted" = "timeout";
  const onParentAbort = () => {
    stop = "aborted";
    controller.abort(parent?.reason);
  };
  if (parent?.aborted) onParentAbort();
  else parent?.addEventListener("abort", onParentAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Budgeted<T>>((resolve) => {
    timer = setTimeout(
      () => {
        controller.abort(new DOMException("recall time budget exceeded", "TimeoutError"));
        resolve({ ok: false, reason: "timeout" });
      },
      Math.max(0, budgetMs),
    );
  });
  let running: Promise<Budgeted<T>>;
  try {
    running = work(controller.signal).then(
      (value): Budgeted<T> => ({ ok: true, value }),
      (error: unknown): Budgeted<T> =>
        controller.signal.aborted ? { ok: false, reason: stop } : { ok: false, reason: "error", error },
    );
  } catch (error) {
    // `work` threw synchronously.
    running = Promise.resolve({ ok: false, reason: "error", error });
  }
  try {
    return await Promise.race([running, timeout]);
  } finally {
    clearTimeout(timer);
    parent?.removeEventListener("abort", onParentAbort);
  }
}
