/**
 * Interruptible waits for the relay's loops: `wake()` ends current waits early (new work was enqueued),
 * `close()` ends them for good (the relay is stopping, so stop() never waits out an idle delay).
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

  wake(): void {
    for (const done of [...this.waiters]) done();
  }

  close(): void {
    this.closed = true;
    this.wake();
  }

  reopen(): void {
    this.closed = false;
  }
}
