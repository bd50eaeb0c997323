/**
 * Decides the process model by measurement: how long does the HOST process's event loop stall while the
 * embedded engine serves searches, (a) engine in the same process, (b) engine in a child process?
 * 10k memories in one tenant, 200 searches at concurrency 4 through the REST contract.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { round, writeResult } from "@automatos/bench";
import { startInChildProcess } from "../src/child/spawn-engine-process.js";
import { type EmbeddedMem0, startInProcess } from "../src/start-in-process.js";
import { freshDataDir, initialiseDataDir, loadRows, searchClient } from "./bench-helpers.js";
import { memoryText, queryText, rng } from "./synthetic-corpus.js";

const ROWS = 10_000;
const SEARCHES = 200;
const CONCURRENCY = 4;
const TENANT = "workspace_bench_user_stall";

async function measure(server: EmbeddedMem0) {
  const client = searchClient(server.url, server.apiKey);
  const r = rng(7);
  for (let i = 0; i < 10; i++) await client.search(queryText(r), TENANT); // warm-up
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < SEARCHES) await client.search(queryText(r), TENANT);
    }),
  );
  const elapsed = performance.now() - t0;
  h.disable();
  await client.close();
  const ms = (ns: number) => round(ns / 1e6, 1);
  return {
    loopDelayP50Ms: ms(h.percentile(50)),
    loopDelayP99Ms: ms(h.percentile(99)),
    loopDelayMaxMs: ms(h.max),
    searchesPerSec: round((SEARCHES / elapsed) * 1000, 1),
  };
}

const data = freshDataDir("m0e-stall-");
try {
  await initialiseDataDir(data.dir);
  const r = rng(1);
  const load = await loadRows(
    data.dir,
    Array.from({ length: ROWS }, (_, i) => ({ text: memoryText(r, i), userId: TENANT })),
  );
  console.log(`loaded ${ROWS} rows: insert ${round(load.insertMs)} ms, indexes ${round(load.indexMs)} ms`);

  const inProcessServer = await startInProcess({ dataDir: data.dir });
  const inProcess = await measure(inProcessServer);
  await inProcessServer.close();
  console.log("in-process", inProcess);

  const childServer = await startInChildProcess({ dataDir: data.dir });
  const child = await measure(childServer);
  await childServer.close();
  console.log("child-process", child);

  writeResult("P5-embedded-event-loop", {
    value: inProcess.loopDelayP99Ms,
    unit: "ms",
    bar: "reported (host event-loop stall p99 with the engine in-process; decides the process model)",
    pass: true,
    details: {
      rows: ROWS,
      searches: SEARCHES,
      concurrency: CONCURRENCY,
      load,
      inProcess,
      childProcess: child,
    },
  });
} finally {
  data.remove();
}
