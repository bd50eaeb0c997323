/**
 * Runs PGlite + mem0 + the REST server in a child process and hands back its URL. PGlite executes SQL on
 * the JavaScript thread, so in the host process every search would freeze the host's event loop for the
 * length of its queries (measured: see README, "Process model").
 */
import { type ChildProcess, fork } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { childProcessEnv } from "../env.js";
import type { EmbeddedMem0Options } from "../options.js";
import type { EmbeddedMem0 } from "../start-in-process.js";
import type { ChildMessage, ParentMessage } from "./engine-process.js";

const ENTRY = fileURLToPath(new URL("./engine-process.ts", import.meta.url));
// The child runs TypeScript sources like the rest of the workspace: through tsx's loader.
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const START_TIMEOUT_MS = 120_000;
const CLOSE_TIMEOUT_MS = 20_000;

/** How the engine's process ended: its exit code, or the signal that killed it. */
export interface EngineExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** One engine child: its URL and key, its pid, and a promise that settles when it exits (for any reason). */
export interface EngineChild extends EmbeddedMem0 {
  pid: number;
  exited: Promise<EngineExit>;
  /** Ends the child at once (SIGKILL): for a child that stopped answering. */
  kill(): void;
  /** Why the child said it is shutting down on its own (e.g. "SIGTERM"), if it did. */
  stoppingReason(): string | null;
}

export function describeExit(exit: EngineExit): string {
  return exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`;
}

export async function startInChildProcess(options: EmbeddedMem0Options): Promise<EngineChild> {
  const child = fork(ENTRY, [], {
    execArgv: ["--import", TSX_LOADER],
    env: childProcessEnv(),
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    serialization: "advanced",
    // Its own process group: a Ctrl-C in the host's terminal reaches the host only, which closes the engine
    // after the relay has settled, instead of the engine stopping under the host's feet. It still exits
    // when the host goes away (IPC disconnect).
    detached: true,
  });
  const exited = new Promise<EngineExit>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  let timer: NodeJS.Timeout | undefined;
  const ready = await new Promise<Extract<ChildMessage, { type: "ready" }>>((resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`embedded mem0 did not start within ${START_TIMEOUT_MS} ms`)),
      START_TIMEOUT_MS,
    );
    child.on("message", (msg: ChildMessage) => {
      if (msg.type === "ready") resolve(msg);
      if (msg.type === "error") reject(new Error(`embedded mem0 failed to start: ${msg.message}`));
    });
    void exited.then((exit) =>
      reject(new Error(`embedded mem0 process exited during start (${describeExit(exit)})`)),
    );
    child.send({ type: "start", options } satisfies ParentMessage);
  })
    .catch(async (err) => {
      child.kill("SIGKILL");
      await exited;
      throw err;
    })
    .finally(() => clearTimeout(timer));
  // Not part of the host's lifetime: an idle engine must not keep the host process alive.
  child.unref();
  child.channel?.unref();

  let stoppingReason: string | null = null;
  child.on("message", (msg: ChildMessage) => {
    if (msg.type === "stopping") stoppingReason = msg.reason;
  });
  let closing: Promise<void> | undefined;
  // An unexpected exit is the supervisor's business (src/supervisor): it logs the cause and restarts.
  return {
    url: ready.url,
    apiKey: ready.apiKey,
    inference: ready.inference,
    embedder: ready.embedder,
    pid: child.pid ?? -1,
    exited,
    stoppingReason: () => stoppingReason,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    },
    close: () => {
      closing ??= closeChild(child, exited);
      return closing;
    },
  };
}

async function closeChild(child: ChildProcess, exited: Promise<EngineExit>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.ref();
  child.channel?.ref();
  // The channel may close under our feet (the child is exiting on its own): then a signal asks instead.
  const viaSignal = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  };
  if (!child.connected) viaSignal();
  else child.send({ type: "close" } satisfies ParentMessage, (err) => err && viaSignal());
  const timer = setTimeout(() => child.kill("SIGKILL"), CLOSE_TIMEOUT_MS);
  const exit = await exited;
  clearTimeout(timer);
  if (exit.code !== 0) throw new Error(`embedded mem0 process exited with ${describeExit(exit)} on close`);
}
