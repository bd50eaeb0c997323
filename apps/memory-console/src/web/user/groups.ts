import type { Clients, MemoryClient } from "../api.js";

/** One section of the user view: a scope the user's memories live in, read through the app that owns it. */
export interface ScopeGroup {
  key: string;
  title: string;
  explain: string;
  scope: "user" | "agent-user";
  client: MemoryClient;
}

export function userGroups(clients: Clients): ScopeGroup[] {
  const groups: ScopeGroup[] = [];
  if (clients.own)
    groups.push({
      key: "own",
      title: "Your own memories",
      explain: "What the assistant remembers about you from your conversations.",
      scope: "user",
      client: clients.own,
    });
  for (const { agentId, client } of clients.agents)
    groups.push({
      key: `agent:${agentId}`,
      title: `What the agent “${agentId}” keeps about you`,
      explain: "Notes this agent keeps about you while it works for you.",
      scope: "agent-user",
      client,
    });
  return groups;
}

export const LIST_LIMIT = 200;
export const listKey = (group: ScopeGroup) => ["list", group.key] as const;
