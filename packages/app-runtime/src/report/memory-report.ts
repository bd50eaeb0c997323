/**
 * What recall did for a turn, in the shape the API and the terminal show on request: the memories placed
 * in the prompt with their scores, why nothing was searched (a trivial turn), whether memory was degraded,
 * and where the milliseconds went.
 */
import type { RecallOutput } from "@automatos/memory/client";

export interface MemoryReport {
  used: { id: string; text: string; scope: string; score: number }[];
  /** Why the gate skipped the search ("acknowledgement", "greeting", ...); null when it searched. */
  skipped: RecallOutput["skipped"];
  degraded: boolean;
  /** The router's reason, or "memory-unreachable" when the router itself could not be called. */
  degradedReason: RecallOutput["degradedReason"] | "memory-unreachable" | null;
  searches: number;
  timings: RecallOutput["timings"];
  dropped: RecallOutput["dropped"] | null;
}

export function reportFromRecall(recall: RecallOutput): MemoryReport {
  return {
    used: recall.memories.map((m) => ({ id: m.id, text: m.text, scope: m.scope, score: m.score })),
    skipped: recall.skipped,
    degraded: recall.degraded,
    degradedReason: recall.degradedReason,
    searches: recall.searches,
    timings: recall.timings,
    dropped: recall.dropped,
  };
}

/** The turn goes on without memories when the router cannot be reached (gateway down): say so. */
export function unreachableReport(totalMs: number): MemoryReport {
  return {
    used: [],
    skipped: null,
    degraded: true,
    degradedReason: "memory-unreachable",
    searches: 0,
    timings: { gateMs: 0, searchMs: 0, postProcessMs: 0, totalMs },
    dropped: null,
  };
}
