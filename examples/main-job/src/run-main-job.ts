/**
 * The main job: one scripted scenario across the three apps on one embedded mem0, printed as a transcript.
 * Each app runs as its own command in a child process (the chatbot's terminal chat, the agents' and the
 * workflows' demos), configured only by environment to call the job's mem0, exactly as a user would run
 * them; the main job reads their output. Its own connection, as the chatbot app, makes the by-id checks.
 */
import { inProcessConnection } from "@automatos/app-runtime";
import type { AppTarget } from "./apps/run-app.js";
import { openMainJobStack } from "./open-stack.js";
import { agentsScene, startAgentsScene } from "./scenes/agents-scene.js";
import { chatScene } from "./scenes/chat-scene.js";
import { isolationScene } from "./scenes/isolation-scene.js";
import { startWorkflowsScene, workflowsScene } from "./scenes/workflows-scene.js";
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
  const memory = inProcessConnection("chatbot", opened.stack);
  try {
    const inference = opened.stack.embedded?.inference ?? "off";
    t.line("Automatos memory: main job (embedded mem0 + PGlite, offline responder, no configuration)");
    t.line(
      `data: ${opened.dataDir} (fresh for this run${options.keep ? ", kept afterwards" : ", removed afterwards"})`,
    );
    t.line(
      `mem0: started in ${(opened.startMs / 1000).toFixed(1)} s on ${opened.mem0.url}; fact extraction ${inference} (${inference === "off" ? "turns stored verbatim" : "LLM extracts facts"})`,
    );
    t.line(
      "apps: each runs as its own command in a child process, with its own outbox and relay, on this mem0",
    );
    const target: AppTarget = { mem0: opened.mem0, dataDir: opened.dataDir };

    const { aliceMemoryId } = await chatScene(t, target, memory, USERS.alice);
    // The agents and the workflows demos do not depend on each other: run them side by side.
    const [agentsRun, workflowsRun] = await Promise.all([
      startAgentsScene(target, USERS.alice.workspaceId),
      startWorkflowsScene(target, USERS.alice.workspaceId),
    ]);
    const { agentNoteAboutAlice } = agentsScene(t, agentsRun);
    workflowsScene(t, workflowsRun);
    await isolationScene(t, target, memory, USERS, { aliceMemoryId, agentNoteAboutAlice });

    t.section("summary");
    for (const c of t.checks) t.line(`  ${c.ok ? "ok  " : "FAIL"}  ${c.name}`);
    const totalMs = performance.now() - t0;
    const passed = t.checks.length - t.failed.length;
    t.line(`main job: ${passed}/${t.checks.length} checks passed in ${(totalMs / 1000).toFixed(1)} s`);
    return { ok: t.failed.length === 0, checks: t.checks, totalMs };
  } finally {
    await memory.close();
    await opened.close();
  }
}
