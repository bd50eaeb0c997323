import type { Server, ServerResponse } from "node:http";

/**
 * Tracks in-flight requests so shutdown can drain them: stop accepting, let what is running finish (bounded
 * by a grace period), then cut what is left. Responses finishing during the drain carry `Connection: close`
 * so keep-alive clients reconnect elsewhere instead of reusing a socket that is about to go away.
 */
export class RequestDrain {
  #inFlight = new Set<ServerResponse>();
  #draining = false;
  #idleWaiters: (() => void)[] = [];

  get draining(): boolean {
    return this.#draining;
  }

  get inFlight(): number {
    return this.#inFlight.size;
  }

  track(res: ServerResponse): void {
    this.#inFlight.add(res);
    const done = () => {
      if (!this.#inFlight.delete(res)) return;
      if (this.#inFlight.size === 0) for (const wake of this.#idleWaiters.splice(0)) wake();
    };
    res.once("finish", done);
    res.once("close", done);
  }

  /**
   * Stops `server` accepting connections and waits for in-flight requests, at most `graceMs`.
   * Resolves with how many requests were cut because the grace period ran out.
   */
  async close(server: Server, graceMs: number): Promise<{ drained: number; cut: number }> {
    this.#draining = true;
    const started = this.#inFlight.size;
    for (const res of this.#inFlight) if (!res.headersSent) res.setHeader("connection", "close");
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.#idle(),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      }),
    ]);
    clearTimeout(timer);
    const cut = this.#inFlight.size;
    // Idle keep-alive sockets left after the drain, and (past the grace period) requests still running.
    server.closeIdleConnections();
    if (cut > 0) server.closeAllConnections();
    // A socket caught between connecting and sending its request is neither idle nor in flight: give it a
    // moment, then cut it so shutdown always ends.
    const straggler = setTimeout(() => server.closeAllConnections(), 1_000);
    await closed;
    clearTimeout(straggler);
    return { drained: started - cut, cut };
  }

  #idle(): Promise<void> {
    if (this.#inFlight.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }
}
