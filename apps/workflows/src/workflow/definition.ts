/**
 * A workflow: ordered steps that run one after another for one user. Each step sees the run's input, the
 * results of the steps before it and the run's memory (see run-memory.ts); what a step notes in run memory
 * is there for every later step of the same run, and gone when the run ends.
 */
import type { ChatModel } from "@automatos/app-runtime";
import type { RunMemory } from "./run-memory.js";

export interface StepResult {
  /** One line for the run report. */
  summary: string;
  /** Anything later steps may use (also in the report). */
  data?: unknown;
}

export interface StepContext<I = unknown> {
  runId: string;
  workflowId: string;
  input: I;
  /** Results of the earlier steps of this run, in order. */
  previous: readonly { step: string; result: StepResult }[];
  memory: RunMemory;
  model: ChatModel;
  /** Aborted when the run's time to live runs out. */
  signal: AbortSignal;
}

export interface StepDefinition<I = unknown> {
  name: string;
  run(ctx: StepContext<I>): Promise<StepResult>;
}

export interface WorkflowDefinition<I = unknown> {
  /** Stable id, for logs and the run registry. */
  id: string;
  steps: readonly StepDefinition<I>[];
}

const NAME = /^[a-z][a-z0-9-]{0,63}$/;

/** Checks a definition once, before its first run: ids and step names are used in logs and metadata. */
export function assertWorkflow(workflow: WorkflowDefinition<never>): void {
  if (!NAME.test(workflow.id))
    throw new Error(`workflow.id: must match ${NAME} (got ${JSON.stringify(workflow.id)})`);
  if (workflow.steps.length === 0) throw new Error(`workflow ${workflow.id}: steps must not be empty`);
  const seen = new Set<string>();
  for (const [i, step] of workflow.steps.entries()) {
    if (!NAME.test(step.name))
      throw new Error(`workflow ${workflow.id}: steps[${i}].name must match ${NAME}`);
    if (seen.has(step.name))
      throw new Error(`workflow ${workflow.id}: steps[${i}].name "${step.name}" is used twice`);
    seen.add(step.name);
  }
}
