/**
 * `@automatos/chatbot/runtime`: what the three apps share (configuration fields, memory connection, chat
 * model, delivery wait). It lives here, not in a package of its own, because the task keeps new code inside
 * the apps; see README "Design choices".
 */

export { createAppLogger } from "./app-logger.js";
export { type AppParts, type AppPartsOptions, openAppParts } from "./app-parts.js";
export {
  buildPrompt,
  type ChatMessage,
  type ChatModel,
  type RecalledItem,
  type ReplyRequest,
} from "./chat-model.js";
export {
  type CommonConfig,
  type LlmConfig,
  type MemoryConnectionConfig,
  parseCommonEnv,
} from "./common-config.js";
export { ConfigError, isConfigError } from "./config-error.js";
export { createChatModel } from "./create-chat-model.js";
export { intIn, type LogLevel, optionalString, serviceTokenVar, validateEnv } from "./env-fields.js";
export { createLlmModel, type LlmModelOptions } from "./llm-client.js";
export { isLlmError, LlmError, type LlmErrorKind } from "./llm-error.js";
export { createMemoryClient, type MemoryClient } from "./memory-client.js";
export {
  gatewayConnection,
  type Identity,
  inProcessConnection,
  type MemoryConnection,
  openMemoryConnection,
  trpcEndpoint,
} from "./memory-connection.js";
export { createOfflineModel, OFFLINE_NOTICE, offlineReply } from "./offline-model.js";
export { DEMO_RECALL_BUDGET_MS, refuseGatewayDemo, runCli } from "./run-cli.js";
export { DeliveryTimeoutError, type DeliveryWait, waitForDelivery } from "./wait-for-delivery.js";
