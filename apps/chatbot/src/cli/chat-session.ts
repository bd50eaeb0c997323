/**
 * The terminal chat's loop, independent of the process: lines in, text out. A line is a message or a
 * command (/memories, /forget <id>, /show-memory, /help, /quit). chat.ts wires it to stdin/stdout.
 */

import type { Identity } from "@automatos/app-runtime";
import { formatMemoryList, formatMemoryReport } from "@automatos/app-runtime";
import type { ChatService } from "../chat/chat-service.js";
import { ChatModelError } from "../chat/chat-service.js";
import { HELP } from "./chat-options.js";
import { formatRemembered } from "./format.js";

export interface ChatSessionOptions {
  service: ChatService;
  identity: Identity;
  conversationId: string;
  showMemory: boolean;
  lines: AsyncIterable<string>;
  write(text: string): void;
  /** Called before reading each line (the interactive prompt); omitted when input is piped. */
  prompt?: () => void;
}

function describe(e: unknown): string {
  const message = e instanceof Error ? e.message : "unknown error";
  const code = (e as { data?: { code?: string } }).data?.code;
  return code === "NOT_FOUND" ? "memory not found" : message;
}

/** Runs until /quit or the end of input; returns the number of messages answered. */
export async function runChatSession(o: ChatSessionOptions): Promise<number> {
  let showMemory = o.showMemory;
  let answered = 0;
  o.prompt?.();
  for await (const raw of o.lines) {
    const line = raw.trim();
    if (line === "") {
      o.prompt?.();
      continue;
    }
    if (line === "/quit" || line === "/exit") break;
    try {
      if (line === "/help") o.write(HELP);
      else if (line === "/show-memory") {
        showMemory = !showMemory;
        o.write(`show-memory ${showMemory ? "on" : "off"}`);
      } else if (line === "/memories") {
        const { memories, truncated } = await o.service.listMemories(o.identity);
        o.write(formatMemoryList(memories, truncated).join("\n"));
      } else if (line.startsWith("/forget")) {
        const id = line.slice("/forget".length).trim();
        if (!id) o.write("usage: /forget <id>   (ids are listed by /memories)");
        else {
          await o.service.forgetMemory(o.identity, id);
          o.write(`forgot ${id}`);
        }
      } else if (line.startsWith("/")) o.write(`unknown command ${line.split(/\s/)[0]}; /help lists them`);
      else {
        const result = await o.service.turn(o.identity, {
          conversationId: o.conversationId,
          message: line,
          showMemory,
        });
        answered++;
        const extra = result.memory
          ? [...formatMemoryReport(result.memory), formatRemembered(result.remembered)]
          : [];
        o.write([`bot> ${result.reply}`, ...extra].join("\n"));
      }
    } catch (e) {
      o.write(e instanceof ChatModelError ? `error: ${e.message}` : `error: ${describe(e)}`);
    }
    o.prompt?.();
  }
  return answered;
}
