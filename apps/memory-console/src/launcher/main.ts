/**
 * `pnpm console`: builds the page, starts the gateway with the embedded default on loopback, seeds the demo
 * memories and prints the sign-in links (development sign-in: short-lived JWTs, printed here only). Ctrl-C
 * stops everything.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildPage } from "../build/build-page.js";
import { readConsoleEnv } from "./env.js";
import { startConsole } from "./start-console.js";

async function main(): Promise<void> {
  const { port } = readConsoleEnv();
  const pageDir = await buildPage();
  const dataDir = await mkdtemp(join(tmpdir(), "memory-console-"));
  console.log("memory console: starting the embedded mem0 and the gateway on 127.0.0.1 ...");
  const running = await startConsole({ pageDir, dataDir, port });
  console.log(`memory console: ${running.seeded} demo memories seeded (users alice and bob)`);
  console.log(`\nSign in as alice (link valid 30 min):\n  ${await running.signInLink("alice")}`);
  console.log(`\nSign in as bob:\n  ${await running.signInLink("bob")}`);
  console.log(`\nOperator view:\n  ${await running.operatorLink()}\n\nCtrl-C to stop.`);

  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(1);
    stopping = true;
    running
      .close()
      .then(() => rm(dataDir, { recursive: true, force: true }))
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err: unknown) => {
  console.error("memory console: failed to start:", err instanceof Error ? err.message : err);
  process.exit(1);
});
