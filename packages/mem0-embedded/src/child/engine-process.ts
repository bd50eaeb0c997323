/**
 * Entry of the engine's child process (forked by spawn-engine-process.ts). Protocol over the IPC channel:
 *   parent -> child  { type: "start", options }      child -> parent  { type: "ready", url, apiKey, inference, embedder }
 *   parent -> child  { type: "close" }                child -> parent  { type: "error", message } on a failed start
 * The child closes everything and exits when told to, or when the parent goes away (IPC disconnect). Any
 * other way out is logged with its trigger, so the supervisor's "exited (code 0)" always has a reason beside it.
 */
import type { EmbeddedMem0Options } from "../options.js";
import { type EmbeddedMem0, startInProcess } from "../start-in-process.js";

export type ParentMessage = { type: "start"; options: EmbeddedMem0Options } | { type: "close" };
export type ChildMessage =
  | { type: "ready"; url: string; apiKey: string; inference: "on" | "off"; embedder: string }
  | { type: "error"; message: string }
  /** The child is shutting down on its own (signal, host gone): its exit is on the way, not a hang. */
  | { type: "stopping"; reason: string }
  | { type: "closed" };

let running: EmbeddedMem0 | undefined;
let stopping = false;

function send(msg: ChildMessage): void {
  if (process.connected) process.send?.(msg);
}

async function shutdown(code: number, reason: string): Promise<never> {
  if (reason !== "close") {
    console.error(`[mem0-embedded] engine process ${process.pid} stopping: ${reason}`);
    send({ type: "stopping", reason });
  }
  if (!stopping) {
    stopping = true;
    try {
      await running?.close();
    } catch (err) {
      console.error(`[mem0-embedded] close failed: ${(err as Error).message}`);
      code = 1;
    }
    send({ type: "closed" });
  }
  process.exit(code);
}

process.on("message", (msg: ParentMessage) => {
  if (msg.type === "start" && !running) {
    startInProcess({ ...msg.options, processModel: "child-process" })
      .then((server) => {
        running = server;
        send({
          type: "ready",
          url: server.url,
          apiKey: server.apiKey,
          inference: server.inference,
          embedder: server.embedder,
        });
      })
      .catch((err: Error) => {
        send({ type: "error", message: err.message });
        void shutdown(1, "start failed");
      });
  } else if (msg.type === "close") {
    void shutdown(0, "close");
  }
});
process.on("disconnect", () => void shutdown(0, "IPC channel to the host closed (host gone)"));
process.on("SIGTERM", () => void shutdown(0, "SIGTERM"));
process.on("SIGINT", () => void shutdown(0, "SIGINT"));
// Nothing left to keep the process alive (servers closed): say so instead of vanishing with code 0.
process.on("beforeExit", () => {
  if (!stopping) console.error(`[mem0-embedded] engine process ${process.pid} exiting: event loop empty`);
});
