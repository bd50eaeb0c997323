/**
 * What every app opens first: its memory connection (unless the caller shares one, like the main job) and
 * its model; `close` releases both.
 */
import type { Logger } from "@automatos/memory";
import type { AppName } from "@automatos/memory-policy";
import type { ChatModel } from "./chat-model.js";
import type { CommonConfig } from "./common-config.js";
import { createChatModel } from "./create-chat-model.js";
import { type MemoryConnection, openMemoryConnection } from "./memory-connection.js";

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
