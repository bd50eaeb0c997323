import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { childEnv } from "./env.js";

const packageDir = fileURLToPath(new URL("../../", import.meta.url));

export interface Child {
  process: ChildProcess;
  /** Everything the child wrote to stdout so far. */
  output(): string;
  /** Resolves with the exit code (or the signal name) when the child is gone. */
  exited: Promise<number | string>;
}

/** Runs a TypeScript file in a plain node process (tsx as a loader, so SIGKILL hits the relay itself). */
export function spawnTs(file: string, arg: unknown): Child {
  const child = spawn(process.execPath, ["--import", "tsx", file, JSON.stringify(arg)], {
    cwd: packageDir,
    env: childEnv({ MEM0_TELEMETRY: "false" }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (c: Buffer) => {
    out += c.toString();
  });
  child.stderr?.on("data", (c: Buffer) => {
    process.stderr.write(`[child ${child.pid}] ${c}`);
  });
  const exited = new Promise<number | string>((resolve) => {
    child.once("exit", (code, signal) => resolve(code ?? signal ?? -1));
  });
  return { process: child, output: () => out, exited };
}

export const fixture = (name: string) => fileURLToPath(new URL(`./${name}`, import.meta.url));
