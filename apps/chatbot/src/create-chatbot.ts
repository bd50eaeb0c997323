/**
 * Assembles the chatbot from its configuration: the memory connection (in process or through the gateway),
 * the model (LLM or offline) and the chat service. The HTTP server, the terminal chat and the main job all
 * start from here; the main job passes a connection of its own to share one memory stack between apps.
 */
import { type ChatService, createChatService } from "./chat/chat-service.js";
import { type AppParts, type AppPartsOptions, openAppParts } from "./runtime/app-parts.js";
import type { CommonConfig } from "./runtime/common-config.js";

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
