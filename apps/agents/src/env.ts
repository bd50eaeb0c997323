/**
 * The agents app's configuration, validated once: the only file that reads process.env. The shared
 * variables (memory connection, mem0, database, LLM) and AGENTS_SERVICE_TOKEN for the gateway.
 */
import { type CommonConfig, ConfigError, parseCommonEnv } from "@automatos/app-runtime";

export type AgentsConfig = CommonConfig;

export function parseAgentsEnv(source: Record<string, string | undefined>): AgentsConfig {
  const { config, problems } = parseCommonEnv("agents", source);
  if (!config) throw new ConfigError("agents", problems);
  return config;
}

export function loadAgentsEnv(): AgentsConfig {
  return parseAgentsEnv(process.env);
}
