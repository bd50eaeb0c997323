/**
 * Assembles the chatbot from its configuration: the memory connection (in process or through the gateway),
 * the model (LLM or offline) and the chat service. The HTTP server and the terminal chat start from here; a
 * caller (a test) may pass a connection of its own to share one memory stack.
 */

import type { CommonConfig } from "@automatos/app-runtime";
import { type AppParts, type AppPartsOptions, openAppParts } from "@automatos/app-runtime";
import { type ChatService, createChatService } from "./chat/chat-service.js";

export interface Chatbot extends AppParts {
  service: ChatService;
}

export async function createChatbot(
  config: Pick<CommonConfig, "memory" | "llm" | "recallBudgetMs">,
  options: AppPartsOptions = {},
): Promise<Chatbot> {
  const parts = await openAppParts("chatbot", config, options);
  const service = createChatService({
    memory: parts.memory,
    model: parts.model,
    recallBudgetMs: config.recallBudgetMs,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  return { ...parts, service };
}
