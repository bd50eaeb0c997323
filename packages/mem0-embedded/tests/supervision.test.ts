/**
 * The supervised engine child: killed (SIGKILL), stopped cleanly from outside (SIGTERM, exit code 0) or hung
 * (SIGSTOP: alive but not answering), it is replaced on the same URL with its data intact, and each restart
 * is counted with its cause.
 */
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { type StartedEmbeddedMem0, startEmbeddedMem0 } from "../src/start.js";
import type { EngineRestart } from "../src/supervisor/engine-supervisor.js";
import { call, tempDir, userMessage } from "../src/testing/test-server.js";

const dataDir = tempDir("m0e-sup-");
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

function nextRestart(mem0: StartedEmbeddedMem0): Promise<EngineRestart> {
  return new Promise((resolve) => {
    const off = mem0.supervision?.onRestart((r) => {
      off?.();
      resolve(r);
    });
  });
}

function childPid(mem0: StartedEmbeddedMem0): number {
  const pid = mem0.supervision?.status().pid;
  if (!pid) throw new Error("no engine child running");
  return pid;
}

describe("engine supervision", () => {
  it("restarts the child on the same URL after SIGKILL, a clean exit and a hang, keeping the data", async () => {
    const mem0 = await startEmbeddedMem0(
      { dataDir },
      // Lenient enough for a loaded shared machine: a restarted engine must not be mistaken for a hung one.
      { probeIntervalMs: 500, probeTimeoutMs: 2_000, probeMisses: 3, logger: quiet },
    );
    try {
      const added = await call(mem0, "POST", "/memories", {
        body: { messages: userMessage("I keep bees on the roof"), user_id: "sup" },
      });
      expect(added.status).toBe(200);
      const listed = async () =>
        (await call(mem0, "GET", "/memories?user_id=sup")).body as { results: { memory: string }[] };

      const killed = nextRestart(mem0);
      const firstPid = childPid(mem0);
      process.kill(firstPid, "SIGKILL");
      expect(await killed).toMatchObject({ cause: "exit", exit: "signal SIGKILL", restarts: 1 });
      expect(childPid(mem0)).not.toBe(firstPid);
      expect((await listed()).results.map((r) => r.memory)).toEqual(["I keep bees on the roof"]);

      const stopped = nextRestart(mem0);
      process.kill(childPid(mem0), "SIGTERM"); // the child closes in order and exits with code 0
      expect(await stopped).toMatchObject({ cause: "exit", exit: "code 0 (SIGTERM)", restarts: 2 });
      expect((await listed()).results).toHaveLength(1);

      const hung = nextRestart(mem0);
      process.kill(childPid(mem0), "SIGSTOP"); // alive, but answers nothing: only the probe can tell
      expect(await hung).toMatchObject({ cause: "unresponsive", exit: "signal SIGKILL", restarts: 3 });
      expect((await listed()).results).toHaveLength(1);
      expect(mem0.supervision?.status()).toMatchObject({
        state: "running",
        restarts: 3,
        lastExit: { cause: "unresponsive", exit: "signal SIGKILL" },
      });
    } finally {
      await mem0.close();
    }
    expect(mem0.supervision?.status().state).toBe("stopped");
  }, 300_000);
});
