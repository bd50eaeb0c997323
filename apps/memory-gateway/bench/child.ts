import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface ChildService {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Forks a TypeScript module (through tsx) that reports `{ url }` over IPC once it listens. Benchmarks put
 * the mem0 stub and the gateway in their own processes so that, on a 2-core machine, the code under test and
 * the load generator do not share one event loop.
 */
export async function forkService(
  moduleUrl: URL,
  args: string[] = [],
  startTimeoutMs = 60_000,
): Promise<ChildService> {
  // The child inherits the environment; its settings travel as arguments (only env.ts files read the env).
  const child = fork(fileURLToPath(moduleUrl), args, {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${moduleUrl.pathname} did not start in time`)),
      startTimeoutMs,
    );
    child.once("message", (m) => {
      clearTimeout(timer);
      resolve((m as { url: string }).url);
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${moduleUrl.pathname} exited early (code ${code})`));
    });
  });
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
