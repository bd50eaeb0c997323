/**
 * The default embedder (all-MiniLM-L6-v2 on onnxruntime-node) in numbers:
 *  - build + load: the ONNX graph built from the safetensors into a fresh cache dir, then one session loaded;
 *  - query embedding (embedForSearch, short queries, one at a time) for 1 and 2 intra-op threads, with the
 *    throughput of batches of 32 for each (how the thread count was chosen), and the same for the fp32 model
 *    at 1 thread (what the int8 default saves);
 *  - batched ingest: memories/s added through REST POST /memories (infer false) into the embedded default
 *    (engine in its child process, as shipped) with 32 concurrent requests;
 *  - query embedding while adds flow: the engine in THIS process (so it shares the one session), adds
 *    streaming through REST, embedForSearch timed meanwhile.
 * Query figures run with the text-vector cache off (every query through the model); ingest keeps it on, as
 * shipped (its memories are all different texts, so it only pays the cache's misses).
 * Writes P10-query-embedding and P10-embedded-ingest to the results file.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  measureLatency,
  measureThroughput,
  round,
  type Summary,
  summarize,
  writeResult,
} from "@automatos/bench";
import { Pool } from "undici";
import { startInChildProcess } from "../src/child/spawn-engine-process.js";
import { ensureModelFile } from "../src/embedder/minilm/model-cache.js";
import { DEFAULT_INTRA_OP_THREADS, sharedSession } from "../src/embedder/minilm/session.js";
import {
  createMiniLmEmbedder,
  MINILM_EMBEDDER_ID,
  type MiniLmPrecision,
} from "../src/embedder/minilm-embedder.js";
import { startInProcess } from "../src/start-in-process.js";
import { freshDataDir } from "./bench-helpers.js";
import { memoryText, queryText, rng } from "./synthetic-corpus.js";

const INGEST_TOTAL = 600;
const INGEST_WARMUP = 50;
const CONCURRENCY = 32;
const QUERY_ITERATIONS = 300;
const QUERY_BAR_MS = 15;
const INGEST_BAR = 100;

const r = rng(11);
const queries = Array.from({ length: 500 }, () => queryText(r));
const memories = Array.from({ length: 4 * (INGEST_TOTAL + INGEST_WARMUP) }, (_, i) => memoryText(r, i));

// Build + load, from nothing (a fresh cache dir), as a first start after install does.
const cacheDir = mkdtempSync(join(tmpdir(), "m0e-model-"));
let t0 = performance.now();
ensureModelFile(cacheDir);
const buildMs = performance.now() - t0;
t0 = performance.now();
await sharedSession({ cacheDir });
const loadMs = performance.now() - t0;
rmSync(cacheDir, { recursive: true, force: true });
console.log(`model build ${round(buildMs)} ms, load ${round(loadMs)} ms`);

// Threads: query latency and batch throughput per thread count.
type ModelFigures = { query: Summary; batch32PerSec: number };
async function modelFigures(options: { intraOpNumThreads: number; precision: MiniLmPrecision }) {
  // The text-vector cache off: the 500 synthetic queries repeat, and this times the model on each one.
  const e = await createMiniLmEmbedder({ ...options, cacheEntries: 0 });
  const query = await measureLatency((i) => e.embedForSearch(queries[i % queries.length] as string), {
    warmup: 30,
    iterations: QUERY_ITERATIONS,
  });
  const batches = 20;
  const t = performance.now();
  for (let b = 0; b < batches; b++) await e.embedDocuments(memories.slice(b * 32, (b + 1) * 32));
  await e.close();
  const figures = { query, batch32PerSec: round((batches * 32 * 1000) / (performance.now() - t)) };
  console.log(
    `${options.precision}, intraOpNumThreads ${options.intraOpNumThreads}:`,
    JSON.stringify(figures),
  );
  return figures;
}
const threads: Record<string, ModelFigures> = {};
for (const n of [1, 2]) threads[n] = await modelFigures({ intraOpNumThreads: n, precision: "int8" });
const fp32 = await modelFigures({ intraOpNumThreads: 1, precision: "fp32" });

function addClient(url: string, apiKey: string) {
  const pool = new Pool(url, { connections: CONCURRENCY });
  let next = 0;
  return {
    add: async () => {
      const i = next++;
      const res = await pool.request({
        path: "/memories",
        method: "POST",
        headers: { "x-api-key": apiKey, "content-type": "application/json" },
        body: JSON.stringify({
          messages: [{ role: "user", content: memories[i % memories.length] }],
          user_id: `workspace_ingest_user_${i % 20}`,
          infer: false,
        }),
        headersTimeout: 60_000,
        bodyTimeout: 60_000,
      });
      const text = await res.body.text();
      if (res.statusCode !== 200) throw new Error(`add answered ${res.statusCode}: ${text.slice(0, 200)}`);
    },
    close: () => pool.close(),
  };
}

// Ingest into the embedded default as shipped (engine in a child process).
const ingestDir = freshDataDir("m0e-ingest-");
let ingest: Awaited<ReturnType<typeof measureThroughput>>;
try {
  const server = await startInChildProcess({ dataDir: ingestDir.dir });
  const client = addClient(server.url, server.apiKey);
  try {
    ingest = await measureThroughput(client.add, {
      concurrency: CONCURRENCY,
      total: INGEST_TOTAL,
      warmup: INGEST_WARMUP,
    });
  } finally {
    await client.close();
    await server.close();
  }
} finally {
  ingestDir.remove();
}
console.log(`ingest: ${round(ingest.opsPerSec)} memories/s`, JSON.stringify(ingest.latency));

// Query embedding while adds flow, on the session the engine's adds use (engine in this process).
const mixedDir = freshDataDir("m0e-ingest-mixed-");
let during: Summary;
let duringAddsPerSec: number;
try {
  const server = await startInProcess({ dataDir: mixedDir.dir });
  const client = addClient(server.url, server.apiKey);
  const e = await createMiniLmEmbedder({ cacheEntries: 0 }); // every query through the model, as above
  try {
    let adding = true;
    const flowing = measureThroughput(client.add, {
      concurrency: CONCURRENCY,
      total: 300,
      warmup: 0,
    }).finally(() => {
      adding = false;
    });
    const samples: number[] = [];
    await new Promise((res) => setTimeout(res, 500)); // let the adds ramp up
    for (let i = 0; adding; i++) {
      const t = performance.now();
      await e.embedForSearch(queries[i % queries.length] as string);
      samples.push(performance.now() - t);
      await new Promise((res) => setTimeout(res, 10));
    }
    duringAddsPerSec = (await flowing).opsPerSec;
    during = summarize(samples);
  } finally {
    await e.close();
    await client.close();
    await server.close();
  }
} finally {
  mixedDir.remove();
}
console.log("query embedding during adds:", JSON.stringify(during));

const chosen = threads[DEFAULT_INTRA_OP_THREADS] as { query: Summary };
writeResult("P10-query-embedding", {
  value: round(chosen.query.p95),
  unit: "ms",
  bar: `p95 <= ${QUERY_BAR_MS} ms (embedForSearch, short queries, idle)`,
  pass: chosen.query.p95 <= QUERY_BAR_MS,
  details: {
    embedder: `${MINILM_EMBEDDER_ID} (384 dims) on onnxruntime-node, CPU`,
    intraOpNumThreads: DEFAULT_INTRA_OP_THREADS,
    idle: chosen.query,
    byThreads: threads,
    fp32OneThread: fp32,
    duringAdds: {
      latencyMs: during,
      addsPerSec: round(duringAddsPerSec),
      note: "engine in the bench process",
    },
    modelBuildMs: round(buildMs),
    modelLoadMs: round(loadMs),
  },
});
writeResult("P10-embedded-ingest", {
  value: round(ingest.opsPerSec),
  unit: "memories/s",
  bar: `>= ${INGEST_BAR} memories/s (REST POST /memories, infer false, ${CONCURRENCY} concurrent)`,
  pass: ingest.opsPerSec >= INGEST_BAR,
  details: {
    path: "POST /memories via undici -> embedded mem0 (child process) -> mem0ai/oss add -> micro-batched MiniLM -> pgvector on PGlite",
    concurrency: CONCURRENCY,
    total: INGEST_TOTAL,
    warmup: INGEST_WARMUP,
    completed: ingest.completed,
    errors: ingest.errors,
    latencyMs: ingest.latency,
  },
});
