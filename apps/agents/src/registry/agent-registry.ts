/**
 * The named agents an app can run. Definitions are validated when the registry is built, so a bad id or
 * a duplicate fails at start, naming the entry, not at the first task.
 */
import { type AgentDefinition, agentDefinitionSchema } from "./agent-definition.js";

export class UnknownAgentError extends Error {
  constructor(id: string, known: readonly string[]) {
    super(`agentId: no agent "${id.slice(0, 64)}" (known: ${known.join(", ") || "none"})`);
    this.name = "UnknownAgentError";
  }
}

export interface AgentRegistry {
  get(id: string): AgentDefinition;
  list(): readonly AgentDefinition[];
}

export function createAgentRegistry(definitions: readonly unknown[]): AgentRegistry {
  const agents = new Map<string, AgentDefinition>();
  for (const [i, raw] of definitions.entries()) {
    const parsed = agentDefinitionSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(
        `agents[${i}].${issue?.path.join(".") || "definition"}: ${issue?.message ?? "invalid"}`,
      );
    }
    if (agents.has(parsed.data.id)) throw new Error(`agents[${i}].id: "${parsed.data.id}" is defined twice`);
    agents.set(parsed.data.id, parsed.data);
  }
  return {
    get(id) {
      const agent = agents.get(id);
      if (!agent) throw new UnknownAgentError(id, [...agents.keys()]);
      return agent;
    },
    list: () => [...agents.values()],
  };
}
