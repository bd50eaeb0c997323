/**
 * memory.deadLetters / memory.retryDeadLetters (operators only): the outbox's dead-lettered jobs of the
 * caller's workspace, and moving chosen ones back to pending (the relay then delivers them with a fresh
 * attempt budget). The workspace comes from the verified principal, never from input: the outbox selects by
 * the policy's mem0 id prefix, so a job of another workspace is neither listed nor retried, even by id.
 */
import { workspaceMem0IdPrefix } from "@automatos/memory-policy";
import { TRPCError } from "@trpc/server";
import type { OutboxPort } from "../ports.js";

function requireOutbox(outbox: OutboxPort | null): OutboxPort {
  if (outbox) return outbox;
  throw new TRPCError({ code: "PRECONDITION_FAILED", message: "outbox: not configured on this host" });
}

export async function listDeadLetters(outbox: OutboxPort | null, workspaceId: string, limit: number) {
  const rows = await requireOutbox(outbox).listDead({
    mem0IdPrefix: workspaceMem0IdPrefix(workspaceId),
    limit,
  });
  return {
    deadLetters: rows.map((r) => ({
      jobId: r.id,
      failures: r.failures,
      lastError: r.lastError,
      createdAt: r.createdAt.toISOString(),
      deadSince: r.updatedAt.toISOString(),
    })),
  };
}

export async function retryDeadLetters(outbox: OutboxPort | null, workspaceId: string, jobIds: string[]) {
  const out = await requireOutbox(outbox).replayDead({
    jobIds,
    mem0IdPrefix: workspaceMem0IdPrefix(workspaceId),
  });
  return { retried: out.replayed, jobIds: out.jobIds };
}
