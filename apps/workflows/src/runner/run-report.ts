import type { ForgetOutcome } from "./forget-run.js";

export interface StepReport {
  name: string;
  summary: string;
  data?: unknown;
  ms: number;
  notesWritten: number;
  notesRead: number;
}

export interface RunReport {
  runId: string;
  workflowId: string;
  /** expired: the run's time to live ran out before its last step finished. */
  status: "completed" | "failed" | "expired";
  /** The failing step and its error message (status failed). */
  failure?: { step: string; error: string };
  steps: StepReport[];
  /** What happened to the run's memory when the run ended. */
  forgotten: ForgetOutcome;
  totalMs: number;
}

export interface SweepReport {
  runId: string;
  workflowId: string;
  forgotten: ForgetOutcome | { ok: false; error: string };
}
