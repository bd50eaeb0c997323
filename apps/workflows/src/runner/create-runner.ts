import type { RunRegistry } from "../runs/run-registry.js";
import type { WorkflowDefinition } from "../workflow/definition.js";
import type { RunReport, SweepReport } from "./run-report.js";
import { createSweeper } from "./sweep.js";
import { createRunExecutor, type RunUser, type WorkflowRunnerOptions } from "./workflow-runner.js";

export interface WorkflowRunner {
  run<I>(
    workflow: WorkflowDefinition<I>,
    params: { user: RunUser; input: I; runId?: string; ttlMs?: number },
  ): Promise<RunReport>;
  /** Forgets the memory of every registered run expired at `at` (default: now). */
  sweepExpired(at?: number): Promise<SweepReport[]>;
  startSweeper(intervalMs: number, onReport?: (r: SweepReport[]) => void): { stop(): Promise<void> };
  registry: RunRegistry;
}

/** The runner and its sweep share the in-process token map (tokens are never persisted). */
export function createWorkflowRunner(options: WorkflowRunnerOptions): WorkflowRunner {
  const tokens = new Map<string, string>();
  const sweeper = createSweeper(options, tokens);
  return {
    run: createRunExecutor(options, tokens),
    sweepExpired: sweeper.sweepExpired,
    startSweeper: sweeper.start,
    registry: options.registry,
  };
}
