/**
 * Interruptible waits for the relay's loops: `wakeOne()` ends the longest current wait early (new work was
 * enqueued: one lane claims it, the others need not run an empty claim), `close()` ends them all for good
 * (the relay is stopping, so stop() never waits out an idle delay).
 */
export class Sleeper {
  private waiters = new Set<() => void>();
  private closed = false;

  sleep(ms: number): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
    });
  }

  wakeOne(): void {
    const longest = this.waiters.values().next();
    if (!longest.done) longest.value();
  }

  close(): void {
    this.closed = true;
    for (const done of [...this.waiters]) done();
  }

  reopen(): void {
    this.closed = false;
  }
}
