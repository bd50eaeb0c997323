/**
 * @automatos/chatbot: the chat service (recall -> LLM -> reply -> remember), its HTTP API and terminal
 * chat. What it shares with the agents and workflows apps lives in `@automatos/app-runtime`.
 */
export {
  ChatModelError,
  type ChatService,
  type ChatServiceOptions,
  type ChatTurnResult,
  createChatService,
  DEFAULT_INSTRUCTIONS,
  type RememberOutcome,
} from "./chat/chat-service.js";
export { type ConversationStore, createConversationStore } from "./chat/conversation-store.js";
export { type ChatTurnInput, chatTurnInputSchema } from "./chat/turn-input.js";
export { type ChatSessionOptions, runChatSession } from "./cli/chat-session.js";
export { formatRemembered } from "./cli/format.js";
export type { ChatbotConfig, JwtSettings } from "./config.js";
export { type Chatbot, createChatbot } from "./create-chatbot.js";
export { parseChatbotEnv } from "./env.js";
export { type ChatServerOptions, createChatServer } from "./http/server.js";
export { type RunningChatServer, startChatServer } from "./http/start-chat-server.js";
export { createUserAuthenticator } from "./http/user-auth.js";
