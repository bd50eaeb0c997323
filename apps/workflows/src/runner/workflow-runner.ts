/**
 * Runs workflows: the steps in order, sharing the run's memory, then forgets that memory whether the run
 * completed, failed or expired. Each run is registered until its memory is gone, so the TTL sweep
 * (sweep.ts) can finish the job for runs this process could not (crash, failed forget).
 */
import { randomUUID } from "node:crypto";
import type { ChatModel, MemoryConnection } from "@automatos/app-runtime";
import { type Logger, silentLogger } from "@automatos/memory/client";
import type { RunRegistry } from "../runs/run-registry.js";
import { assertWorkflow, type StepResult, type WorkflowDefinition } from "../workflow/definition.js";
import { createRunMemory } from "../workflow/run-memory.js";
import { forgetRunMemory } from "./forget-run.js";
import type { RunReport, StepReport } from "./run-report.js";

export interface RunUser {
  workspaceId: string;
  userId: string;
  /** The user's JWT, needed only through the gateway. */
  userToken?: string;
}

export interface WorkflowRunnerOptions {
  memory: MemoryConnection;
  model: ChatModel;
  registry: RunRegistry;
  /** Default time to live of a run (its memory outlives it by at most one sweep interval). */
  ttlMs: number;
  /** Recall time budget for the steps' recalls (default: the router's, 150 ms). */
  recallBudgetMs?: number | null;
  now?: () => number;
  logger?: Logger;
}

export class RunExpiredError extends Error {
  constructor() {
    super("the run's time to live ran out");
    this.name = "RunExpiredError";
  }
}

function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

export function createRunExecutor(options: WorkflowRunnerOptions, tokens: Map<string, string>) {
  const now = options.now ?? Date.now;
  const logger = options.logger ?? silentLogger();

  return async function run<I>(
    workflow: WorkflowDefinition<I>,
    params: { user: RunUser; input: I; runId?: string; ttlMs?: number },
  ): Promise<RunReport> {
    assertWorkflow(workflow as WorkflowDefinition<never>);
    const runId = params.runId ?? randomUUID();
    const ttlMs = params.ttlMs ?? options.ttlMs;
    const started = performance.now();
    const { userToken, ...user } = params.user;
    await options.registry.add({ runId, workflowId: workflow.id, ...user, expiresAt: now() + ttlMs });
    if (userToken) tokens.set(runId, userToken);
    const client = options.memory.clientFor({ ...params.user, runId });

    const expiry = new AbortController();
    const timer = setTimeout(() => expiry.abort(new RunExpiredError()), ttlMs);
    const steps: StepReport[] = [];
    const previous: { step: string; result: StepResult }[] = [];
    let status: RunReport["status"] = "completed";
    let failure: RunReport["failure"];
    try {
      for (const step of workflow.steps) {
        const counters = { written: 0, read: 0 };
        const t0 = performance.now();
        try {
          const meta = {
            workflowId: workflow.id,
            step: step.name,
            recallBudgetMs: options.recallBudgetMs ?? null,
          };
          const memory = createRunMemory(client, meta, counters);
          const ctx = {
            runId,
            workflowId: workflow.id,
            input: params.input,
            previous,
            memory,
            model: options.model,
          };
          const result = await abortable(step.run({ ...ctx, signal: expiry.signal }), expiry.signal);
          previous.push({ step: step.name, result });
          steps.push({
            name: step.name,
            summary: result.summary,
            ...(result.data === undefined ? {} : { data: result.data }),
            ms: performance.now() - t0,
            notesWritten: counters.written,
            notesRead: counters.read,
          });
        } catch (e) {
          status = expiry.signal.aborted ? "expired" : "failed";
          if (status === "failed")
            failure = { step: step.name, error: e instanceof Error ? e.message : "step failed" };
          break;
        }
      }
    } finally {
      clearTimeout(timer);
    }

    const forgotten = await forgetRunMemory(client);
    if (forgotten.ok && forgotten.complete) {
      await options.registry.remove(runId);
      tokens.delete(runId);
    } else
      logger.warn(
        { runId, workflowId: workflow.id },
        "run memory not fully forgotten; left to the TTL sweep",
      );
    logger.info({ runId, workflowId: workflow.id, status, steps: steps.length }, "workflow run ended");
    return {
      runId,
      workflowId: workflow.id,
      status,
      ...(failure ? { failure } : {}),
      steps,
      forgotten,
      totalMs: performance.now() - started,
    };
  };
}
