/**
 * The TTL sweep: forgets the memory of every registered run past its expiry (runs left behind by a crash,
 * or whose forget failed). Through the gateway a forget needs the user's token; a run registered by another
 * process has none here and is reported, not forgotten (see README: open points).
 */
import type { MemoryConnection } from "@automatos/app-runtime";
import type { RunRegistry } from "../runs/run-registry.js";
import { forgetRunMemory } from "./forget-run.js";
import type { SweepReport } from "./run-report.js";

export function createSweeper(
  options: { memory: MemoryConnection; registry: RunRegistry; now?: () => number },
  tokens: Map<string, string>,
) {
  const now = options.now ?? Date.now;

  async function sweepExpired(at = now()): Promise<SweepReport[]> {
    const reports: SweepReport[] = [];
    for (const entry of await options.registry.expired(at)) {
      const userToken = tokens.get(entry.runId);
      if (options.memory.mode === "gateway" && !userToken) {
        reports.push({
          runId: entry.runId,
          workflowId: entry.workflowId,
          forgotten: {
            ok: false,
            error: "no user token in this process to forget the run through the gateway",
          },
        });
        continue;
      }
      const client = options.memory.clientFor({
        workspaceId: entry.workspaceId,
        userId: entry.userId,
        runId: entry.runId,
        ...(userToken ? { userToken } : {}),
      });
      const forgotten = await forgetRunMemory(client);
      if (forgotten.ok && forgotten.complete) {
        await options.registry.remove(entry.runId);
        tokens.delete(entry.runId);
      }
      reports.push({ runId: entry.runId, workflowId: entry.workflowId, forgotten });
    }
    return reports;
  }

  /** Sweeps every `intervalMs` (unref'd: it never keeps the process alive); stop() waits for a running sweep. */
  function start(intervalMs: number, onReport?: (r: SweepReport[]) => void) {
    let running: Promise<unknown> = Promise.resolve();
    const timer = setInterval(() => {
      running = running.then(() => sweepExpired().then(onReport)).catch(() => undefined);
    }, intervalMs);
    timer.unref();
    return {
      stop: async () => {
        clearInterval(timer);
        await running;
      },
    };
  }

  return { sweepExpired, start };
}
