/**
 * What every app opens first: its memory connection (unless the caller shares one, like the main job) and
 * its model; `close` releases both.
 */
import type { Logger } from "@automatos/memory/client";
import type { AppName } from "@automatos/memory-policy";
import type { CommonConfig } from "./config/common-config.js";
import { type MemoryConnection, openMemoryConnection } from "./memory/memory-connection.js";
import type { ChatModel } from "./model/chat-model.js";
import { createChatModel } from "./model/create-chat-model.js";

export interface AppPartsOptions {
  logger?: Logger;
  memory?: MemoryConnection;
  model?: ChatModel;
}

export interface AppParts {
  memory: MemoryConnection;
  model: ChatModel;
  close(): Promise<void>;
}

export async function openAppParts(
  app: AppName,
  config: Pick<CommonConfig, "memory" | "llm">,
  options: AppPartsOptions = {},
): Promise<AppParts> {
  const memory =
    options.memory ??
    (await openMemoryConnection(app, config.memory, options.logger ? { logger: options.logger } : {}));
  const model = options.model ?? createChatModel(config.llm);
  return {
    memory,
    model,
    close: async () => {
      await model.close();
      await memory.close();
    },
  };
}
