/**
 * The mem0-client server contract (the same cases the client runs against its loopback fake), against the
 * embedded mem0 started the default way: engine in a child process.
 */
import { rmSync } from "node:fs";
import { runServerContract } from "@automatos/mem0-client/contract";
import { afterAll, beforeAll } from "vitest";
import { startEmbeddedMem0 } from "../src/start.js";
import type { EmbeddedMem0 } from "../src/start-in-process.js";
import { tempDir } from "../src/testing/test-server.js";

let mem0: EmbeddedMem0;
const dataDir = tempDir("m0e-contract-");

beforeAll(async () => {
  mem0 = await startEmbeddedMem0({ dataDir });
});
afterAll(async () => {
  await mem0?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

runServerContract("embedded mem0 honours the self-hosted server contract", () => ({
  baseUrl: mem0.url,
  apiKey: mem0.apiKey,
}));
