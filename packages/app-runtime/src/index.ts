/**
 * `@automatos/app-runtime`: what the chatbot, agents and workflows apps share: configuration fields, the
 * memory connection, the chat model, the delivery wait, the recall report and its text form, the CLI
 * wrapper, and running an app's command as a child process. No app imports another app; they meet here.
 */

export { type AppParts, type AppPartsOptions, openAppParts } from "./app-parts.js";
export { signUserToken } from "./auth/sign-user-token.js";
export { createAppLogger } from "./cli/app-logger.js";
export { type DemoWorkspace, parseDemoWorkspace } from "./cli/demo-workspace.js";
export { DEMO_RECALL_BUDGET_MS, refuseGatewayDemo, runCli } from "./cli/run-cli.js";
export {
  type CommonConfig,
  type LlmConfig,
  type MemoryConnectionConfig,
  parseCommonEnv,
} from "./config/common-config.js";
export { ConfigError, isConfigError } from "./config/config-error.js";
export { intIn, type LogLevel, optionalString, serviceTokenVar, validateEnv } from "./config/env-fields.js";
export { createMemoryClient, type MemoryClient } from "./memory/memory-client.js";
export {
  gatewayConnection,
  type Identity,
  inProcessConnection,
  type MemoryConnection,
  openMemoryConnection,
  trpcEndpoint,
} from "./memory/memory-connection.js";
export { DeliveryTimeoutError, type DeliveryWait, waitForDelivery } from "./memory/wait-for-delivery.js";
export {
  buildPrompt,
  type ChatMessage,
  type ChatModel,
  type RecalledItem,
  type ReplyRequest,
} from "./model/chat-model.js";
export { createChatModel } from "./model/create-chat-model.js";
export { createLlmModel, type LlmModelOptions } from "./model/llm-client.js";
export { isLlmError, LlmError, type LlmErrorKind } from "./model/llm-error.js";
export { createOfflineModel, OFFLINE_NOTICE, offlineReply } from "./model/offline-model.js";
export { childEnv } from "./process/env.js";
export { type ChildResult, type RunningChild, runTsx, startTsx } from "./process/run-tsx.js";
export { formatMemoryList, formatMemoryReport } from "./report/format-report.js";
export { type MemoryReport, reportFromRecall, unreachableReport } from "./report/memory-report.js";
