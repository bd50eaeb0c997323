import type { LlmConfig } from "../config/common-config.js";
import type { ChatModel } from "./chat-model.js";
import { createLlmModel } from "./llm-client.js";
import { createOfflineModel } from "./offline-model.js";

/** The configured LLM, or the offline responder when LLM_BASE_URL is unset. */
export function createChatModel(llm: LlmConfig | null): ChatModel {
  return llm ? createLlmModel(llm) : createOfflineModel();
}
