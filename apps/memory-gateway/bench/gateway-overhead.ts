/**
 * P1 and P3 (targets.md): what the HTTP gateway adds on top of a direct mem0-client call.
 *
 *   direct:  mem0-client -------------------------------------------> mem0 stub (own process)
 *   gateway: typed client -> HTTP -> gateway (own process) -> mem0-client -> mem0 stub
 *
 * Both paths run `search` against the same zero-latency stub; the gateway path goes through the real router
 * (`memory.search`: auth, policy, zod in and out, superjson) and the real gateway (service token + JWT check,
 * metrics, info-level logs to a file). P1: concurrency 1, interleaved side by side; P3: concurrency 32.
 */
import { measureSideBySide, measureThroughput, round, type Summary, writeResult } from "@automatos/bench";
import { createMem0Client } from "@automatos/mem0-client";
import { toMem0Ids } from "@automatos/memory-policy";
import { createMemoryClient } from "../tests/helpers/memory-client.js";
import {
  BENCH_SERVICE_SECRET,
  benchDataDir,
  benchUserToken,
  machineConditions,
  startGatewayProcess,
} from "./bench-setup.js";
import { forkService } from "./child.js";

const QUERY = "what does the user like to drink in the morning";
const WORKSPACE = "bench-w";
const USER = "bench-u";

const stub = await forkService(new URL("./mem0-stub-process.ts", import.meta.url));
const gatewayProcess = await startGatewayProcess(benchDataDir("overhead"), {
  MEM0_API_URL: stub.url,
  MEM0_API_KEY: "bench-stub-key",
});
const direct = createMem0Client({ baseUrl: stub.url, apiKey: "bench-stub-key" });
const client = createMemoryClient({
  gatewayUrl: `${gatewayProcess.url}/trpc`,
  serviceToken: BENCH_SERVICE_SECRET,
  userToken: await benchUserToken(WORKSPACE, USER),
  source: "bench",
});
const filters = { ...toMem0Ids({ kind: "user", workspaceId: WORKSPACE, userId: USER }) };

const viaDirect = () => direct.search({ query: QUERY, filters, topK: 10 });
const viaGateway = () => client.memory.search.query({ query: QUERY, topK: 10 });

try {
  // Same answer both ways, or the comparison is meaningless.
  const [a, b] = await Promise.all([viaDirect(), viaGateway()]);
  if (a.length !== 2 || (b as { memories?: unknown[] }).memories?.length !== 2)
    throw new Error(
      `unexpected stub answers: direct ${a.length}, gateway ${JSON.stringify(b).slice(0, 200)}`,
    );

  const before = machineConditions();
  const side = await measureSideBySide(
    { direct: viaDirect, gateway: viaGateway },
    { warmup: 500, iterations: 4_000 },
  );
  const addedP50 = side.gateway.p50 - side.direct.p50;
  const addedP99 = side.gateway.p99 - side.direct.p99;
  writeResult("P1", {
    value: round(addedP50),
    unit: "ms",
    bar: "p50 <= 1 ms, p99 <= 3 ms",
    pass: addedP50 <= 1 && addedP99 <= 3,
    details: {
      addedP50: round(addedP50),
      addedP99: round(addedP99),
      direct: rounded(side.direct),
      gateway: rounded(side.gateway),
      machine: { before, after: machineConditions() },
    },
  });

  // Throughput: two rounds each, alternating, so drift on the shared machine hits both alike.
  const runs: { direct: number[]; gateway: number[] } = { direct: [], gateway: [] };
  let errors = 0;
  for (let round_ = 0; round_ < 2; round_++) {
    for (const [name, fn] of [
      ["direct", viaDirect],
      ["gateway", viaGateway],
    ] as const) {
      const r = await measureThroughput(fn, { concurrency: 32, total: 8_000, warmup: 1_000 });
      runs[name].push(r.opsPerSec);
      errors += r.errors;
    }
  }
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  const ratio = sum(runs.gateway) / sum(runs.direct);
  writeResult("P3", {
    value: round(ratio),
    unit: "x",
    bar: ">= 0.5",
    pass: ratio >= 0.5 && errors === 0,
    details: {
      concurrency: 32,
      directOpsPerSec: runs.direct.map((x) => Math.round(x)),
      gatewayOpsPerSec: runs.gateway.map((x) => Math.round(x)),
      errors,
      machine: machineConditions(),
    },
  });
  console.log(
    `P1 added p50 ${round(addedP50)} ms, p99 ${round(addedP99)} ms; P3 ratio ${round(ratio)} ` +
      `(direct ${runs.direct.map(Math.round).join("/")} ops/s, gateway ${runs.gateway.map(Math.round).join("/")} ops/s)`,
  );
} finally {
  await direct.close();
  await gatewayProcess.stop();
  await stub.stop();
}

function rounded(s: Summary): Record<string, number> {
  return { p50: round(s.p50), p95: round(s.p95), p99: round(s.p99), mean: round(s.mean), count: s.count };
}
