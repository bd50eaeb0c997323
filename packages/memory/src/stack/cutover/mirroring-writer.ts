/**
 * The writer the relay delivers through when the host has a legacy store: legacy mirror jobs (mirror-job.ts)
 * go to the legacy database, every other job to mem0 unchanged. A legacy failure is thrown like a mem0
 * failure, so the relay's backoff, attempt budget and dead letters apply to it as well.
 */
import type { Mem0Writer } from "@automatos/db";
import { legacyTurnOf } from "../../cutover/mirror-job.js";
import type { LegacyMirror } from "../../cutover/ports.js";

export function mirroringWriter(mem0: Mem0Writer, legacy: Pick<LegacyMirror, "write">): Mem0Writer {
  return {
    async add(req, opts) {
      const turn = legacyTurnOf(req);
      if (turn === null) return mem0.add(req, opts);
      await legacy.write(turn);
      return { status: "done", results: [{ id: turn.rowId }] };
    },
    // The relay does not claim while mem0's breaker is open; mirror jobs then wait with the mem0 jobs.
    breakerState: () => mem0.breakerState(),
  };
}
