/**
 * `pnpm --filter @automatos/chatbot start`: the chatbot's HTTP API. Validates the environment, opens the
 * memory connection, serves until SIGTERM/SIGINT, then closes the server and the memory stack.
 */

import { createAppLogger, runCli } from "@automatos/app-runtime";
import { createChatbot } from "./create-chatbot.js";
import { loadChatbotEnv } from "./env.js";
import { startChatServer } from "./http/start-chat-server.js";
import { createUserAuthenticator } from "./http/user-auth.js";

runCli("chatbot", async () => {
  const config = loadChatbotEnv("server");
  const logger = createAppLogger("chatbot", config.logLevel);
  const bot = await createChatbot(config, { logger });
  const server = await startChatServer({
    service: bot.service,
    authenticator: createUserAuthenticator(config.jwt),
    maxBodyBytes: config.http.maxBodyBytes,
    logger,
    host: config.http.host,
    port: config.http.port,
  });
  logger.info({ url: server.url, memory: bot.memory.mode, model: bot.model.kind }, "chatbot listening");
  const stop = () => {
    server
      .close()
      .then(() => bot.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  // Serve until a signal: `stop` exits the process.
  return new Promise<number>(() => {});
});
