/**
 * The workflows app's configuration, validated once: the only file that reads process.env. The shared
 * variables (memory connection, mem0, database, LLM, WORKFLOWS_SERVICE_TOKEN) plus the run lifetime.
 */
import { join, resolve } from "node:path";
import {
  type CommonConfig,
  ConfigError,
  intIn,
  optionalString,
  parseCommonEnv,
  validateEnv,
} from "@automatos/app-runtime";
import { z } from "zod";

export interface WorkflowsConfig extends CommonConfig {
  runs: {
    /** How long a run (and so its memory) may live. */
    ttlMs: number;
    /** How often the TTL sweep looks for expired runs. */
    sweepIntervalMs: number;
    /** The run registry file (survives restarts), or null for an in-process registry. */
    registryFile: string | null;
  };
}

const DAY = 24 * 60 * 60 * 1000;

const workflowsSchema = z.object({
  MEMORY_DATA_DIR: optionalString.default(".data"),
  WORKFLOWS_RUN_TTL_MS: intIn(1_000, 7 * DAY, 15 * 60 * 1000),
  WORKFLOWS_SWEEP_INTERVAL_MS: intIn(1_000, DAY, 60_000),
  WORKFLOWS_RUN_REGISTRY: optionalString,
});

export function parseWorkflowsEnv(source: Record<string, string | undefined>): WorkflowsConfig {
  const common = parseCommonEnv("workflows", source);
  const own = validateEnv(workflowsSchema, source);
  const problems = [...common.problems, ...own.problems];
  if (problems.length > 0 || !common.config || !own.data) throw new ConfigError("workflows", problems);
  const e = own.data;
  const registry = e.WORKFLOWS_RUN_REGISTRY ?? join(resolve(e.MEMORY_DATA_DIR), "workflows", "runs.json");
  return {
    ...common.config,
    runs: {
      ttlMs: e.WORKFLOWS_RUN_TTL_MS,
      sweepIntervalMs: e.WORKFLOWS_SWEEP_INTERVAL_MS,
      registryFile: registry === "memory" ? null : resolve(registry),
    },
  };
}

export function loadWorkflowsEnv(): WorkflowsConfig {
  return parseWorkflowsEnv(process.env);
}
