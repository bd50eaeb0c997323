/**
 * Assembles the workflows app: memory connection, model, run registry (file or in-process) and runner.
 * A caller may pass a shared connection, and the demo an in-process registry and its own clock.
 */
import { type AppParts, type AppPartsOptions, openAppParts } from "@automatos/app-runtime";
import type { WorkflowsConfig } from "./env.js";
import { createWorkflowRunner, type WorkflowRunner } from "./runner/create-runner.js";
import { createFileRunRegistry } from "./runs/file-run-registry.js";
import { createMemoryRunRegistry, type RunRegistry } from "./runs/run-registry.js";

export interface WorkflowsApp extends AppParts {
  runner: WorkflowRunner;
}

export async function createWorkflowsApp(
  config: Pick<WorkflowsConfig, "memory" | "llm" | "runs" | "recallBudgetMs">,
  options: AppPartsOptions & {
    registry?: RunRegistry;
    now?: () => number;
    /** Start the periodic TTL sweep (default true; the demo sweeps by hand). */
    sweep?: boolean;
  } = {},
): Promise<WorkflowsApp> {
  const registry =
    options.registry ??
    (config.runs.registryFile ? createFileRunRegistry(config.runs.registryFile) : createMemoryRunRegistry());
  const parts = await openAppParts("workflows", config, options);
  const runner = createWorkflowRunner({
    memory: parts.memory,
    model: parts.model,
    registry,
    ttlMs: config.runs.ttlMs,
    recallBudgetMs: config.recallBudgetMs,
    ...(options.now ? { now: options.now } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const sweeper = options.sweep === false ? null : runner.startSweeper(config.runs.sweepIntervalMs);
  return {
    ...parts,
    runner,
    close: async () => {
      await sweeper?.stop();
      await parts.close();
    },
  };
}
