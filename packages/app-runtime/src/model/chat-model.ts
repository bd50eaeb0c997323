/**
 * What the apps ask of a language model, whichever answers: a real OpenAI-compatible endpoint or the
 * offline responder. A request carries the recalled memories twice on purpose: as the fenced context block
 * (what an LLM sees, quoted untrusted data) and as structured items (what the offline responder quotes).
 */
export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface RecalledItem {
  text: string;
  scope: string;
  score: number;
}

export interface ReplyRequest {
  /** Who the model is and how it behaves (the app's or the agent's instructions). */
  instructions: string;
  /** The recall's fenced context block ("" when nothing was recalled). */
  context: string;
  memories: readonly RecalledItem[];
  /** Why recall did not search ("acknowledgement", "greeting", ...): a turn with nothing to look up. */
  skipped?: string | null;
  /** Earlier turns of this conversation, oldest first (without the current message). */
  history: readonly ChatMessage[];
  message: string;
}

export interface ChatModel {
  /** "llm" for a real model, "offline" for the responder that only quotes memories. */
  readonly kind: "llm" | "offline";
  /** For transcripts and logs: the model name, or "offline". */
  readonly label: string;
  reply(request: ReplyRequest, options?: { signal?: AbortSignal }): Promise<string>;
  close(): Promise<void>;
}

/**
 * The prompt an LLM receives. The memories stay inside their fence in the system message, after the
 * instructions, so they read as background data and never as a turn by the user or a new instruction.
 */
export function buildPrompt(request: ReplyRequest): ChatMessage[] {
  const system = request.context ? `${request.instructions}\n\n${request.context}` : request.instructions;
  return [
    { role: "system", content: system },
    ...request.history.filter((m) => m.role !== "system"),
    { role: "user", content: request.message },
  ];
}
