/**
 * Runs an agent for a user in a workspace. Per task: one recall across what the agent may read (its own
 * workspace-wide notes, what it knows about this user, and the user's own memory), the model's answer
 * under the agent's instructions, then the task queued as agent-about-user memory. `teach` stores
 * knowledge at agent level, shared by the agent with every user of the workspace.
 */

import type { ChatModel, Identity, MemoryClient, MemoryConnection } from "@automatos/app-runtime";
import { type MemoryReport, reportFromRecall } from "@automatos/app-runtime";
import { type Logger, silentLogger } from "@automatos/memory/client";
import type { AgentRegistry } from "../registry/agent-registry.js";

/** The scopes an agent reads for a task (policy: agents read agent, agent-user and the user's own). */
export const AGENT_RECALL_SCOPES = ["agent", "agent-user", "user"] as const;

export interface AgentUser {
  workspaceId: string;
  userId: string;
  /** The user's JWT, needed only through the gateway. */
  userToken?: string;
}

export interface TaskResult {
  agentId: string;
  agentName: string;
  reply: string;
  /** What recall found for the task: memories with scope and score, gate decision, timings. */
  recalled: MemoryReport;
  /** The outbox job of the agent-about-user memory; null when the task was trivial. */
  rememberedJobId: string | null;
}

export interface AgentRunner {
  runTask(input: { agentId: string; user: AgentUser; task: string }): Promise<TaskResult>;
  /** Agent-level knowledge (shared across the workspace), taught by `user`. Returns the outbox job id. */
  teach(input: { agentId: string; user: AgentUser; note: string }): Promise<string>;
  /** A memory client acting as the agent for `user` (for callers that need more than the two above). */
  clientFor(agentId: string, user: AgentUser): MemoryClient;
}

export function createAgentRunner(options: {
  memory: MemoryConnection;
  model: ChatModel;
  registry: AgentRegistry;
  /** Recall time budget per task (default: the router's, 150 ms). */
  recallBudgetMs?: number | null;
  logger?: Logger;
}): AgentRunner {
  const logger = options.logger ?? silentLogger();
  const clientFor = (agentId: string, user: AgentUser) => {
    const identity: Identity = { ...user, agentId: options.registry.get(agentId).id };
    return options.memory.clientFor(identity);
  };

  return {
    clientFor,
    async runTask({ agentId, user, task }) {
      const agent = options.registry.get(agentId);
      const memory = clientFor(agentId, user);
      const recall = await memory.memory.recall.query({
        query: task,
        scopes: [...AGENT_RECALL_SCOPES],
        ...(options.recallBudgetMs ? { timeBudgetMs: options.recallBudgetMs } : {}),
      });
      const recalled = reportFromRecall(recall);
      const reply = await options.model.reply({
        instructions: agent.instructions,
        context: recall.context,
        memories: recalled.used,
        skipped: recalled.skipped,
        history: [],
        message: task,
      });
      let rememberedJobId: string | null = null;
      if (!recall.skipped) {
        // Offline replies only quote memories, so only the task itself is worth keeping then.
        const messages: { role: "user" | "assistant"; content: string }[] = [{ role: "user", content: task }];
        if (options.model.kind === "llm") messages.push({ role: "assistant", content: reply });
        const job = await memory.memory.remember.mutate({
          messages,
          scope: "agent-user",
          metadata: { source: "agents", agent: agent.id },
        });
        rememberedJobId = job.jobId;
      }
      logger.info(
        { agentId: agent.id, recalled: recalled.used.length, degraded: recall.degraded },
        "agent task done",
      );
      return {
        agentId: agent.id,
        agentName: agent.name,
        reply,
        recalled,
        rememberedJobId,
      };
    },
    async teach({ agentId, user, note }) {
      const agent = options.registry.get(agentId);
      const job = await clientFor(agentId, user).memory.remember.mutate({
        messages: [{ role: "user", content: note }],
        scope: "agent",
        metadata: { source: "agents", agent: agent.id, kind: "agent-note" },
      });
      return job.jobId;
    },
  };
}
