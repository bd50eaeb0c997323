/**
 * @automatos/agents: named agents acting for a user in a workspace, with agent-level memory (shared across
 * the workspace) and agent-about-user memory, per the memory policy.
 */
export { type AgentsApp, createAgentsApp } from "./create-agents.js";
export { formatPreferenceDemo } from "./demo/format-demo.js";
export {
  PREFERENCE_DEMO_SCRIPT,
  type PreferenceDemoResult,
  runPreferenceDemo,
} from "./demo/preference-demo.js";
export { type AgentsConfig, parseAgentsEnv } from "./env.js";
export { type AgentDefinition, agentDefinitionSchema } from "./registry/agent-definition.js";
export { type AgentRegistry, createAgentRegistry, UnknownAgentError } from "./registry/agent-registry.js";
export { DEFAULT_AGENTS } from "./registry/default-agents.js";
export {
  AGENT_RECALL_SCOPES,
  type AgentRunner,
  type AgentUser,
  createAgentRunner,
  type TaskResult,
} from "./runner/agent-runner.js";
