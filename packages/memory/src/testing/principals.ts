import type { Principal } from "@automatos/memory-policy";

/** Two users in one workspace, one in another, an agent, a workflow run and an operator. */
export const P = {
  alice: { app: "chatbot", workspaceId: "w1", userId: "alice" },
  bob: { app: "chatbot", workspaceId: "w1", userId: "bob" },
  carol: { app: "chatbot", workspaceId: "w2", userId: "alice" },
  agentForAlice: { app: "agents", workspaceId: "w1", userId: "alice", agentId: "planner" },
  otherAgentForAlice: { app: "agents", workspaceId: "w1", userId: "alice", agentId: "critic" },
  workflowForAlice: { app: "workflows", workspaceId: "w1", userId: "alice", runId: "run-1" },
  admin: { app: "admin", workspaceId: "w1", userId: "ops" },
} as const satisfies Record<string, Principal>;
