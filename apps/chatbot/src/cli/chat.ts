/**
 * `pnpm chat`: the terminal chat. Reads messages from stdin (interactive or piped), answers each through
 * the chat service and, with --show-memory, shows what was recalled. See chat-session.ts for the loop.
 */
import { createInterface } from "node:readline";
import { createAppLogger, runCli, waitForDelivery } from "@automatos/app-runtime";
import { createChatbot } from "../create-chatbot.js";
import { chatUserTokenFromEnv, loadChatbotEnv } from "../env.js";
import { parseChatArgs } from "./chat-options.js";
import { runChatSession } from "./chat-session.js";
import { resolveCliIdentity } from "./cli-identity.js";

runCli("chat", async () => {
  const args = parseChatArgs(process.argv.slice(2));
  if (!args.ok) {
    process.stderr.write(args.output);
    return args.exitCode;
  }
  const o = args.options;
  const config = loadChatbotEnv("cli");
  const logger = createAppLogger("chatbot", config.logLevel === "info" ? "warn" : config.logLevel, "stderr");
  const identity = await resolveCliIdentity(o, config, chatUserTokenFromEnv());
  if (!identity) {
    process.stderr.write(
      "error: --token (or CHAT_USER_TOKEN or CHATBOT_JWT_SECRET) is required with MEMORY_GATEWAY_URL\n",
    );
    return 2;
  }
  const bot = await createChatbot(config, { logger });
  const interactive = process.stdin.isTTY === true;
  const rl = createInterface({ input: process.stdin, terminal: interactive });
  const write = (text: string) => process.stdout.write(`${text}\n`);
  if (interactive)
    write(
      `Chatting as ${o.userId} in ${o.workspaceId} (${bot.model.kind === "llm" ? bot.model.label : "offline"}, memory ${bot.memory.mode}). /help for commands.`,
    );
  try {
    await runChatSession({
      service: bot.service,
      identity,
      conversationId: o.conversationId,
      showMemory: o.showMemory,
      lines: rl,
      write,
      ...(interactive ? { prompt: () => process.stdout.write("you> ") } : {}),
    });
  } finally {
    rl.close();
    // In process the relay lives in this process: let it hand the last turns to mem0 before exiting
    // (bounded), so the next session remembers them. Undelivered jobs would wait in the outbox anyway.
    if (bot.memory.mode === "in-process")
      await waitForDelivery(bot.memory.clientFor(identity), { timeoutMs: 5_000 }).catch(() => undefined);
    await bot.close();
  }
  return 0;
});
