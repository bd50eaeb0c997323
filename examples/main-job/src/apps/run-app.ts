/**
 * Runs one of the apps' own commands as a child process, as a user would from a terminal: the chatbot's
 * `chat`, the agents' and the workflows' `demo`. The main job imports none of the apps: it reaches them only
 * through these commands, and each child is configured only by environment, like a deployed process. Every
 * child calls the main job's mem0 (MEM0_API_URL) with its own outbox and relay under its own data dir.
 */
import { join } from "node:path";
import { type ChildResult, childEnv, DEMO_RECALL_BUDGET_MS, runTsx } from "@automatos/app-runtime";

const REPO = join(import.meta.dirname, "..", "..", "..", "..");

/** The commands, by the file each app's package.json script runs (`chat`, `demo`). */
export const APP_COMMANDS = {
  chat: { app: "chatbot", entry: "src/cli/chat.ts" },
  agentsDemo: { app: "agents", entry: "src/cli/demo.ts" },
  workflowsDemo: { app: "workflows", entry: "src/cli/demo.ts" },
} as const;

export type AppCommand = keyof typeof APP_COMMANDS;

/** Where the children find memory: the shared mem0, and a data directory for each child's own outbox. */
export interface AppTarget {
  mem0: { url: string; apiKey: string };
  dataDir: string;
}

/** Generous: a child starts tsx, its outbox database and its router on a busy 2-core machine. */
const CHILD_TIMEOUT_MS = 90_000;
let children = 0;

export function runApp(
  target: AppTarget,
  command: AppCommand,
  options: { args?: string[]; stdin?: string } = {},
): Promise<ChildResult> {
  const { app, entry } = APP_COMMANDS[command];
  children += 1;
  return runTsx(entry, {
    cwd: join(REPO, "apps", app),
    args: options.args ?? [],
    stdin: options.stdin ?? "",
    timeoutMs: CHILD_TIMEOUT_MS,
    env: childEnv({
      MEM0_API_URL: target.mem0.url,
      MEM0_API_KEY: target.mem0.apiKey,
      MEMORY_DATA_DIR: join(target.dataDir, "apps", `${app}-${children}`),
      MEMORY_RECALL_BUDGET_MS: String(DEMO_RECALL_BUDGET_MS),
      LOG_LEVEL: "warn",
    }),
  });
}

/** A child that failed: its exit code and the end of its stderr, for the transcript. */
export function describeFailure(command: AppCommand, result: ChildResult): string[] {
  const tail = result.stderr.trim().split("\n").slice(-5);
  return [`  (${command} exited with code ${result.code})`, ...tail.map((l) => `  ! ${l}`)];
}
