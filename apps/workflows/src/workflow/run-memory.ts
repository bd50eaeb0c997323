/**
 * The memory a step works with. Notes go to the run scope (shared by the steps of this run only) with a
 * synchronous add: the next step starts right after this one and must see the note, which the outbox's
 * asynchronous delivery would not guarantee. Reads cover the run and, read-only, the user's own memory.
 */

import type { MemoryClient } from "@automatos/app-runtime";
import { type MemoryReport, reportFromRecall } from "@automatos/app-runtime";
import type { MemoryView } from "@automatos/memory/client";

export type RunReadScope = "run" | "user" | "agent";

export interface RunMemory {
  /** Stores `text` verbatim in run memory; returns the new memory ids. */
  note(text: string, metadata?: Record<string, string | number | boolean>): Promise<string[]>;
  /** Every note of this run, oldest first. */
  notes(): Promise<MemoryView[]>;
  /** Relevance-ranked recall for `query` (default: this run's notes and the user's memory). */
  recall(query: string, scopes?: readonly RunReadScope[]): Promise<MemoryReport>;
}

export interface RunMemoryCounters {
  written: number;
  read: number;
}

const byCreation = (a: MemoryView, b: MemoryView) => (a.createdAt ?? "").localeCompare(b.createdAt ?? "");

export function createRunMemory(
  client: MemoryClient,
  meta: { workflowId: string; step: string; recallBudgetMs?: number | null },
  counters: RunMemoryCounters,
): RunMemory {
  return {
    async note(text, metadata = {}) {
      const added = await client.memory.add.mutate({
        messages: [{ role: "user", content: text }],
        scope: "run",
        // Notes are already facts: store them as written, never re-extracted.
        infer: false,
        metadata: { ...metadata, source: "workflows", workflowId: meta.workflowId, step: meta.step },
      });
      const ids = added.status === "done" ? added.results.map((r) => r.id) : [];
      counters.written += ids.length;
      return ids;
    },
    async notes() {
      const listed = await client.memory.list.query({ scopes: ["run"], limit: 200 });
      counters.read += listed.memories.length;
      return [...listed.memories].sort(byCreation);
    },
    async recall(query, scopes = ["run", "user"]) {
      const budget = meta.recallBudgetMs ? { timeBudgetMs: meta.recallBudgetMs } : {};
      const report = reportFromRecall(
        await client.memory.recall.query({ query, scopes: [...scopes], ...budget }),
      );
      counters.read += report.used.length;
      return report;
    },
  };
}
