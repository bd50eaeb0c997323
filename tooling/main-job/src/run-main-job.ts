/**
 * The main job: one scripted scenario across the three apps on one embedded memory stack, printed as a
 * transcript. Each app gets its own in-process connection (so each calls memory as itself: chatbot,
 * agents, workflows) on the shared stack, exactly as separate processes would through the gateway.
 */
import { createChatService } from "@automatos/chatbot";
import { createOfflineModel, inProcessConnection } from "@automatos/chatbot/runtime";
import { openMainJobStack } from "./open-stack.js";
import { agentsScene } from "./scenes/agents-scene.js";
import { chatScene } from "./scenes/chat-scene.js";
import { isolationScene } from "./scenes/isolation-scene.js";
import { workflowsScene } from "./scenes/workflows-scene.js";
import { Transcript } from "./transcript.js";

export const USERS = {
  alice: { workspaceId: "acme", userId: "alice" },
  bob: { workspaceId: "acme", userId: "bob" },
  mallory: { workspaceId: "globex", userId: "mallory" },
} as const;

export interface MainJobResult {
  ok: boolean;
  checks: Transcript["checks"];
  totalMs: number;
}

export async function runMainJob(
  write: (line: string) => void,
  options: { dataDir?: string; keep?: boolean } = {},
): Promise<MainJobResult> {
  const t0 = performance.now();
  const t = new Transcript(write);
  const opened = await openMainJobStack(options);
  try {
    const inference = opened.stack.embedded?.inference ?? "off";
    t.line("Automatos memory: main job (embedded mem0 + PGlite, offline responder, no configuration)");
    t.line(
      `data: ${opened.dataDir} (fresh for this run${options.keep ? ", kept afterwards" : ", removed afterwards"})`,
    );
    t.line(
      `stack: started in ${(opened.startMs / 1000).toFixed(1)} s; fact extraction ${inference} (${inference === "off" ? "turns stored verbatim" : "LLM extracts facts"}); outbox relay running`,
    );

    const chatbotMemory = inProcessConnection("chatbot", opened.stack);
    const chat = createChatService({ memory: chatbotMemory, model: createOfflineModel() });
    const { aliceMemoryId } = await chatScene(t, chat, chatbotMemory, USERS.alice);
    const { agentNoteAboutAlice } = await agentsScene(t, inProcessConnection("agents", opened.stack), USERS);
    await workflowsScene(t, inProcessConnection("workflows", opened.stack), USERS.alice);
    await isolationScene(t, chat, chatbotMemory, USERS, { aliceMemoryId, agentNoteAboutAlice });

    t.section("summary");
    for (const c of t.checks) t.line(`  ${c.ok ? "ok  " : "FAIL"}  ${c.name}`);
    const totalMs = performance.now() - t0;
    const passed = t.checks.length - t.failed.length;
    t.line(`main job: ${passed}/${t.checks.length} checks passed in ${(totalMs / 1000).toFixed(1)} s`);
    return { ok: t.failed.length === 0, checks: t.checks, totalMs };
  } finally {
    await opened.close();
  }
}
