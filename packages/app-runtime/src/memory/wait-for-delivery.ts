/**
 * Waits until the outbox relay has delivered every queued `remember` to mem0, by polling `memory.health`
 * (outbox pending + in flight). For demos and tests that recall right after remembering: a chat turn never
 * waits for this. The router has no per-job status yet, so this waits for the whole outbox to be empty.
 */
import type { MemoryClient } from "./memory-client.js";

export interface DeliveryWait {
  waitedMs: number;
  polls: number;
}

export class DeliveryTimeoutError extends Error {
  constructor(timeoutMs: number, pending: number) {
    super(
      `outbox still had ${pending} job(s) pending after ${timeoutMs} ms (is the relay running and mem0 up?)`,
    );
    this.name = "DeliveryTimeoutError";
  }
}

export async function waitForDelivery(
  memory: MemoryClient,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<DeliveryWait> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const intervalMs = options.intervalMs ?? 20;
  const started = performance.now();
  for (let polls = 1; ; polls++) {
    const health = await memory.memory.health.query();
    const outbox = health.outbox;
    const waiting = outbox ? outbox.pending + outbox.inFlight : 0;
    const waitedMs = performance.now() - started;
    if (waiting === 0) return { waitedMs, polls };
    if (waitedMs >= timeoutMs) throw new DeliveryTimeoutError(timeoutMs, waiting);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
