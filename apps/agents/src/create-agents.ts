/**
 * Assembles the agents app from its configuration: memory connection, model and registry. A caller (a test)
 * may pass a shared connection; otherwise the app opens one as configured.
 */
import { type AppParts, type AppPartsOptions, type CommonConfig, openAppParts } from "@automatos/app-runtime";
import { type AgentRegistry, createAgentRegistry } from "./registry/agent-registry.js";
import { DEFAULT_AGENTS } from "./registry/default-agents.js";
import { type AgentRunner, createAgentRunner } from "./runner/agent-runner.js";

export interface AgentsApp extends AppParts {
  runner: AgentRunner;
  registry: AgentRegistry;
}

export async function createAgentsApp(
  config: Pick<CommonConfig, "memory" | "llm" | "recallBudgetMs">,
  options: AppPartsOptions & { agents?: readonly unknown[] } = {},
): Promise<AgentsApp> {
  const registry = createAgentRegistry(options.agents ?? DEFAULT_AGENTS);
  const parts = await openAppParts("agents", config, options);
  const runner = createAgentRunner({
    memory: parts.memory,
    model: parts.model,
    registry,
    recallBudgetMs: config.recallBudgetMs,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  return { ...parts, runner, registry };
}
