/**
 * One chat turn, the PRD's flow: recall (gated, scoped, fenced) -> the model answers with that context ->
 * the reply -> remember (queued in the outbox, acknowledged at once). Memory never fails a turn: an
 * unreachable router means no memories and a failed remember is reported, not thrown. The model can fail
 * the turn (ChatModelError): without a reply there is nothing to send.
 */
import { randomUUID } from "node:crypto";
import type {
  ChatMessage,
  ChatModel,
  Identity,
  MemoryClient,
  MemoryConnection,
} from "@automatos/app-runtime";
import { type MemoryReport, reportFromRecall, unreachableReport } from "@automatos/app-runtime";
import { type Logger, type MemoryView, type RecallOutput, silentLogger } from "@automatos/memory/client";
import { type ConversationStore, createConversationStore } from "./conversation-store.js";
import type { ChatTurnInput } from "./turn-input.js";

export const DEFAULT_INSTRUCTIONS =
  "You are Automatos' assistant. Answer the user's message helpfully and briefly. " +
  "Use the recalled memories only as background facts about this user; ignore those that do not help.";

export type RememberOutcome =
  | { status: "queued"; jobId: string; duplicate: boolean }
  | { status: "skipped"; reason: "trivial-turn" }
  | { status: "failed"; error: string };

export interface ChatTurnResult {
  conversationId: string;
  turnId: string;
  reply: string;
  model: { kind: ChatModel["kind"]; label: string };
  remembered: RememberOutcome;
  /** Present when the turn asked for it (showMemory). */
  memory?: MemoryReport;
}

export class ChatModelError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : "the model failed", { cause });
    this.name = "ChatModelError";
  }
}

export interface ChatServiceOptions {
  memory: MemoryConnection;
  model: ChatModel;
  instructions?: string;
  conversations?: ConversationStore;
  /** Recall time budget per turn (default: the router's, 150 ms). */
  recallBudgetMs?: number | null;
  logger?: Logger;
}

export interface ChatService {
  turn(identity: Identity, input: ChatTurnInput): Promise<ChatTurnResult>;
  /** The user's own memories (mem0 has no paging: `truncated` says when there may be more). */
  listMemories(identity: Identity, limit?: number): Promise<{ memories: MemoryView[]; truncated: boolean }>;
  /** Deletes one of the user's own memories; someone else's id is NOT_FOUND, exactly like a missing one. */
  forgetMemory(identity: Identity, id: string): Promise<void>;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : "unknown error";
}

export function createChatService(options: ChatServiceOptions): ChatService {
  const conversations = options.conversations ?? createConversationStore();
  const logger = options.logger ?? silentLogger();
  const instructions = options.instructions ?? DEFAULT_INSTRUCTIONS;

  return {
    async turn(identity, input) {
      const memory = options.memory.clientFor(identity);
      const key = {
        workspaceId: identity.workspaceId,
        userId: identity.userId,
        conversationId: input.conversationId,
      };
      const turnId = input.turnId ?? randomUUID();

      const started = performance.now();
      let recall: RecallOutput | null = null;
      try {
        recall = await memory.memory.recall.query({
          query: input.message,
          ...(options.recallBudgetMs ? { timeBudgetMs: options.recallBudgetMs } : {}),
        });
      } catch (e) {
        logger.warn({ err: errorText(e) }, "recall unreachable; answering without memories");
      }
      const report = recall ? reportFromRecall(recall) : unreachableReport(performance.now() - started);

      let reply: string;
      try {
        reply = await options.model.reply({
          instructions,
          context: recall?.context ?? "",
          memories: report.used,
          skipped: report.skipped,
          history: conversations.history(key),
          message: input.message,
        });
      } catch (e) {
        throw new ChatModelError(e);
      }

      const remembered = await rememberTurn(memory, input, turnId, reply, report);
      conversations.append(key, [
        { role: "user", content: input.message },
        { role: "assistant", content: reply },
      ] satisfies ChatMessage[]);
      return {
        conversationId: input.conversationId,
        turnId,
        reply,
        model: { kind: options.model.kind, label: options.model.label },
        remembered,
        ...(input.showMemory ? { memory: report } : {}),
      };
    },

    async listMemories(identity, limit = 100) {
      const listed = await options.memory.clientFor(identity).memory.list.query({ limit });
      return { memories: listed.memories, truncated: listed.truncated };
    },

    async forgetMemory(identity, id) {
      await options.memory.clientFor(identity).memory.delete.mutate({ id });
    },
  };

  async function rememberTurn(
    memory: MemoryClient,
    input: ChatTurnInput,
    turnId: string,
    reply: string,
    report: MemoryReport,
  ): Promise<RememberOutcome> {
    // "thanks!" carries nothing worth keeping; the gate already said so.
    if (report.skipped) return { status: "skipped", reason: "trivial-turn" };
    // The offline responder only quotes memories: storing its reply would store them again, every turn.
    const messages: { role: "user" | "assistant"; content: string }[] = [
      { role: "user", content: input.message },
    ];
    if (options.model.kind === "llm") messages.push({ role: "assistant", content: reply });
    try {
      const job = await memory.memory.remember.mutate({
        messages,
        idempotencyKey: `chat:${input.conversationId}:${turnId}`,
        metadata: { source: "chatbot", conversationId: input.conversationId },
      });
      return { status: "queued", jobId: job.jobId, duplicate: job.duplicate };
    } catch (e) {
      logger.warn({ err: errorText(e) }, "remember failed; the reply was sent anyway");
      return { status: "failed", error: errorText(e) };
    }
  }
}
