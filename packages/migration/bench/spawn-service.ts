/** Starts a bench service child process and reads its JSON lines (async only: see cli-child.ts). */
import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { createInterface, type Interface } from "node:readline";
import { fileURLToPath } from "node:url";
import { inheritedEnv } from "../src/env.js";

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), "services", "service-main.ts");

export interface Service {
  info: Record<string, unknown> & { url: string };
  request(line: string): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

function nextLine(lines: Interface, child: ChildProcess, what: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no answer within ${timeoutMs} ms`)), timeoutMs);
    const onExit = (code: number | null) => reject(new Error(`${what} exited with ${code}`));
    child.once("exit", onExit);
    lines.once("line", (line) => {
      clearTimeout(timer);
      child.off("exit", onExit);
      resolve(line);
    });
  });
}

export async function startService(args: string[], startTimeoutMs = 900_000): Promise<Service> {
  const child = spawn(process.execPath, ["--import", "tsx", SCRIPT, ...args], {
    env: inheritedEnv({ MEM0_TELEMETRY: "false" }),
    stdio: ["pipe", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout! });
  const info = JSON.parse(await nextLine(lines, child, `service ${args[0]}`, startTimeoutMs));
  return {
    info,
    async request(line) {
      const answer = nextLine(lines, child, `service ${args[0]}`, 10_000);
      child.stdin!.write(`${line}\n`);
      return JSON.parse(await answer);
    },
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.stdin!.end();
      }),
  };
}
