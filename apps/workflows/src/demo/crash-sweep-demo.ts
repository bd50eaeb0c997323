/**
 * The TTL sweep demo: a run whose process "died" after writing to run memory (registered, never forgotten)
 * is found by the sweep once its TTL has passed, and its memory is forgotten. The clock is the caller's, so
 * the demo does not wait out a real TTL. Printed by the workflows demo command (and so by the main job).
 */
import type { MemoryConnection } from "@automatos/app-runtime";
import type { WorkflowRunner } from "../runner/create-runner.js";
import { describeForget } from "./format-run.js";
import { teamDinnerWorkflow } from "./team-dinner-workflow.js";

export interface CrashSweepResult {
  runId: string;
  line: string;
  /** Run memory the crashed run still has after the sweep (0 when the sweep forgot it). */
  left: number;
}

export async function runCrashSweepDemo(
  deps: { runner: WorkflowRunner; memory: MemoryConnection; clock: { now: number }; ttlMs: number },
  user: { workspaceId: string; userId: string },
): Promise<CrashSweepResult> {
  const runId = "crashed-run-1";
  const run = deps.memory.clientFor({ ...user, runId });
  await deps.runner.registry.add({
    runId,
    workflowId: teamDinnerWorkflow.id,
    ...user,
    expiresAt: deps.clock.now + deps.ttlMs,
  });
  await run.memory.add.mutate({
    messages: [{ role: "user", content: "Request: a run whose process died" }],
    scope: "run",
    infer: false,
  });
  deps.clock.now += deps.ttlMs + 1;
  const [swept] = await deps.runner.sweepExpired();
  const left = (await run.memory.list.query({ scopes: ["run"] })).memories.length;
  const sweptText = swept ? describeForget(swept.forgotten) : "not found by the sweep";
  return { runId, left, line: `  TTL sweep: run ${runId} expired -> ${sweptText}; run memory left: ${left}` };
}
