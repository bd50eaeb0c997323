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

export async function startInChildProcess(options: EmbeddedMem0Options): Promise<EmbeddedMem0> {
  const child = fork(ENTRY, [], {
    execArgv: ["--import", TSX_LOADER],
    env: childProcessEnv(),
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    serialization: "advanced",
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
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
    void exited.then((code) => reject(new Error(`embedded mem0 process exited during start (code ${code})`)));
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

  let closing: Promise<void> | undefined;
  // No automatic restart: callers see connection errors (and mem0-client's breaker opens); say why here.
  void exited.then((code) => {
    if (!closing) console.error(`[mem0-embedded] engine process exited unexpectedly (code ${code})`);
  });
  return {
    url: ready.url,
    apiKey: ready.apiKey,
    inference: ready.inference,
    embedder: ready.embedder,
    close: () => {
      closing ??= closeChild(child, exited);
      return closing;
    },
  };
}

async function closeChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null) return;
  child.ref();
  child.channel?.ref();
  try {
    child.send({ type: "close" } satisfies ParentMessage);
  } catch {
    child.kill("SIGTERM"); // the channel is already gone (child shutting down on a signal)
  }
  const timer = setTimeout(() => child.kill("SIGKILL"), CLOSE_TIMEOUT_MS);
  const code = await exited;
  clearTimeout(timer);
  if (code !== 0) throw new Error(`embedded mem0 process exited with code ${code} on close`);
}
