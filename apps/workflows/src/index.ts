/**
 * @automatos/workflows: a workflow runner with ordered steps, run-scoped memory shared by the steps of one
 * run, read access to the user's memory, and the run's memory forgotten when the run ends or expires.
 */
export { createWorkflowsApp, type WorkflowsApp } from "./create-workflows.js";
export { type CrashSweepResult, runCrashSweepDemo } from "./demo/crash-sweep-demo.js";
export { describeForget, formatRunReport } from "./demo/format-run.js";
export { type TeamDinnerInput, teamDinnerWorkflow } from "./demo/team-dinner-workflow.js";
export { parseWorkflowsEnv, type WorkflowsConfig } from "./env.js";
export { createWorkflowRunner, type WorkflowRunner } from "./runner/create-runner.js";
export { type ForgetOutcome, forgetRunMemory } from "./runner/forget-run.js";
export type { RunReport, StepReport, SweepReport } from "./runner/run-report.js";
export { RunExpiredError, type RunUser, type WorkflowRunnerOptions } from "./runner/workflow-runner.js";
export { createFileRunRegistry } from "./runs/file-run-registry.js";
export { createMemoryRunRegistry, type RunEntry, type RunRegistry } from "./runs/run-registry.js";
export {
  assertWorkflow,
  type StepContext,
  type StepDefinition,
  type StepResult,
  type WorkflowDefinition,
} from "./workflow/definition.js";
export { createRunMemory, type RunMemory, type RunReadScope } from "./workflow/run-memory.js";
