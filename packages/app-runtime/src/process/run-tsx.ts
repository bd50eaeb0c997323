/**
 * Runs a TypeScript entry point with tsx in a child process, feeding stdin, bounded by a timeout: how the
 * tests and the main job run an app's command as a user would (its own process, its own configuration).
 */
import { spawn } from "node:child_process";

export interface ChildResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function runTsx(
  entry: string,
  options: { args?: string[]; cwd: string; env: NodeJS.ProcessEnv; stdin?: string; timeoutMs?: number },
): Promise<ChildResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", entry, ...(options.args ?? [])], {
      cwd: options.cwd,
      env: options.env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(
        new Error(
          `${entry} did not finish within ${options.timeoutMs} ms\nstdout:\n${stdout}\nstderr:\n${stderr}`,
        ),
      );
    }, options.timeoutMs ?? 60_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    });
    child.stdin.end(options.stdin ?? "");
  });
}

export interface RunningChild {
  /** Resolves with the first stdout line matching `pattern` (rejects after `timeoutMs` or on exit). */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<string>;
  /** Sends `signal` and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts a long-running TypeScript entry point (a server) in a child process. */
export function startTsx(entry: string, options: { cwd: string; env: NodeJS.ProcessEnv }): RunningChild {
  const child = spawn(process.execPath, ["--import", "tsx", entry], { cwd: options.cwd, env: options.env });
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  let buffered = "";
  child.stdout.on("data", (d) => (buffered += d));
  child.stderr.resume();
  return {
    waitForLine: (pattern, timeoutMs) =>
      new Promise((resolve, reject) => {
        const deadline = setTimeout(
          () => finish(new Error(`no line matching ${pattern} in ${timeoutMs} ms`)),
          timeoutMs,
        );
        const check = () => {
          const line = buffered.split("\n").find((l) => pattern.test(l));
          if (line) finish(null, line);
        };
        const onExit = () => finish(new Error(`${entry} exited before printing ${pattern}`));
        function finish(error: Error | null, line?: string) {
          clearTimeout(deadline);
          child.stdout.off("data", check);
          child.off("close", onExit);
          if (error) reject(error);
          else resolve(line as string);
        }
        child.stdout.on("data", check);
        child.once("close", onExit);
        check();
      }),
    stop: (signal = "SIGTERM") => {
      child.kill(signal);
      return exited;
    },
  };
}
