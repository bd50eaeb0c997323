/**
 * `pnpm chat` flags, parsed with commander (help, unknown-flag errors) into checked values. A bad flag is a
 * usage error naming the flag (exit code 2), decided here so tests need no process.
 */
import { parsePrincipal } from "@automatos/memory-policy";
import { Command, CommanderError } from "commander";

export interface ChatOptions {
  workspaceId: string;
  userId: string;
  conversationId: string;
  showMemory: boolean;
  token?: string;
}

export type ParsedChatArgs =
  | { ok: true; options: ChatOptions }
  | { ok: false; exitCode: number; output: string };

/** The in-chat commands (shown by /help and after --help). */
export const HELP = [
  "commands:",
  "  /memories      list what I remember about you",
  "  /forget <id>   delete one of your memories",
  "  /show-memory   toggle showing recalled memories, scores and timings",
  "  /quit          leave (Ctrl-D works too)",
].join("\n");

const CONVERSATION = /^[A-Za-z0-9._:-]{1,64}$/;

export function parseChatArgs(argv: readonly string[]): ParsedChatArgs {
  let output = "";
  const program = new Command("chat")
    .description("Chat with Automatos in the terminal; it remembers you across sessions.")
    .option("--workspace <id>", "workspace id", "demo")
    .option("--user <id>", "user id", "me")
    .option("--conversation <id>", "conversation id", "terminal")
    .option("--show-memory", "show recalled memories, their scores and recall timings", false)
    .option("--token <jwt>", "your user token (needed through the gateway; or set CHAT_USER_TOKEN)")
    .addHelpText("after", `\nIn the chat, ${HELP}`)
    .exitOverride()
    .configureOutput({ writeOut: (s) => (output += s), writeErr: (s) => (output += s) });
  try {
    program.parse(argv, { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) return { ok: false, exitCode: e.exitCode === 0 ? 0 : 2, output };
    throw e;
  }
  const o = program.opts<{
    workspace: string;
    user: string;
    conversation: string;
    showMemory: boolean;
    token?: string;
  }>();
  const principal = parsePrincipal({ app: "chatbot", workspaceId: o.workspace, userId: o.user });
  if (!principal.ok) {
    const flag = principal.error.field === "userId" ? "--user" : "--workspace";
    return { ok: false, exitCode: 2, output: `error: ${flag}: ${principal.error.message}\n` };
  }
  if (!CONVERSATION.test(o.conversation))
    return {
      ok: false,
      exitCode: 2,
      output: "error: --conversation: must be 1-64 letters, digits, '.', '_', ':' or '-'\n",
    };
  return {
    ok: true,
    options: {
      workspaceId: principal.value.workspaceId,
      userId: principal.value.userId,
      conversationId: o.conversation,
      showMemory: o.showMemory,
      ...(o.token ? { token: o.token } : {}),
    },
  };
}
