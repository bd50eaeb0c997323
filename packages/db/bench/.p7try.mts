import { mkdtempSync, rmSync } from "node:fs";
import { createMem0Client } from "@automatos/mem0-client";
import { createDb } from "../src/create-db.ts";
import { createRelay } from "../src/outbox/relay.ts";
import { loadJobs, startStubProcess } from "./p7-setup.ts";

const stub = await startStubProcess();
const [lanes, batchSize, where] = JSON.parse(process.argv[2]);
const dir = where === "file" ? mkdtempSync("/tmp/p7-") : "memory://";
const d = await createDb({ dataDir: dir });
const mem0 = createMem0Client({
  baseUrl: stub.url,
  apiKey: stub.apiKey,
  connections: 128,
  retry: { maxAttempts: 1 },
});
const relay = createRelay({ db: d.db, mem0, lanes, batchSize, idleDelayMs: 5 });
await loadJobs(d.db, "w", 2000);
relay.start();
while (relay.counters().delivered < 2000) await new Promise((r) => setTimeout(r, 10));
await relay.stop();
await loadJobs(d.db, "m", 10000);
const t0 = performance.now();
relay.start();
while (relay.counters().delivered < 12000) await new Promise((r) => setTimeout(r, 10));
console.log(lanes, batchSize, where, "rate", Math.round(10000 / ((performance.now() - t0) / 1000)));
await relay.stop();
await mem0.close();
await d.close();
stub.stop();
if (where === "file") rmSync(dir, { recursive: true });
