/**
 * Runs `pnpm migrate:legacy` (src/cli/main.ts) as a child process, the way an operator does, so tests can
 * SIGKILL it mid-run. Async spawn only: the parent hosts the databases behind pglite-socket and a
 * synchronous child call would block their event loop (docs/toolchain.md §7.3).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { inheritedEnv } from "../env.js";

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface CliChild {
  process: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** The same node flags as the package's `migrate:legacy` script (see the README on the heap bound). */
const NODE_FLAGS = ["--max-old-space-size=128", "--max-semi-space-size=16", "--import", "tsx"];

export function startCli(
  args: string[],
  env: Record<string, string>,
  /** Extra node flags, e.g. `--cpu-prof` for a profile of the migrator. */
  nodeFlags: string[] = [],
): CliChild {
  const child = spawn(
    process.execPath,
    [...NODE_FLAGS, ...nodeFlags, "src/cli/main.ts", "--no-progress", ...args],
    {
      cwd: PACKAGE_DIR,
      env: inheritedEnv(env),
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (b: Buffer) => {
    stdout += b.toString();
  });
  child.stderr?.on("data", (b: Buffer) => {
    stderr += b.toString();
  });
  const exited = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { process: child, exited };
}
