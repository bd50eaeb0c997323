/**
 * The offline responder: what answers when no LLM is configured. It cannot understand the message, so it
 * does the one honest thing it can: say that it is offline and quote the memories recall found for the
 * message (most relevant first). It never pretends to reason, and never follows text found inside a memory
 * (memories are printed as quoted data, one per line, like in the fenced block).
 */
import type { ChatModel, ReplyRequest } from "./chat-model.js";

export const OFFLINE_NOTICE = "[offline: no LLM configured, set LLM_BASE_URL to get real answers]";

/** How many memories the offline answer quotes at most. */
const MAX_QUOTED = 3;
const MAX_QUOTE_CHARS = 200;

function quote(text: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return JSON.stringify(
    oneLine.length > MAX_QUOTE_CHARS ? `${oneLine.slice(0, MAX_QUOTE_CHARS - 1)}…` : oneLine,
  );
}

export function offlineReply(request: Pick<ReplyRequest, "memories" | "skipped">): string {
  if (request.skipped) return `${OFFLINE_NOTICE} Noted (nothing to look up for this message).`;
  const memories = [...request.memories].sort((a, b) => b.score - a.score).slice(0, MAX_QUOTED);
  if (memories.length === 0) return `${OFFLINE_NOTICE} I have nothing in memory about this yet.`;
  const lines = memories.map((m) => `  - ${quote(m.text)} (${m.scope}, score ${m.score.toFixed(2)})`);
  return [`${OFFLINE_NOTICE} From memory, this may help:`, ...lines].join("\n");
}

export function createOfflineModel(): ChatModel {
  return {
    kind: "offline",
    label: "offline",
    reply: async (request) => offlineReply(request),
    close: async () => {},
  };
}
