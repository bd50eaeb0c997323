/**
 * P1 and P3 (docs/targets.md): what the HTTP gateway adds on top of a direct mem0-client call.
 *
 *   direct:  mem0-client ---------------------------------------------------> mem0 stub (own process)
 *   bare:    typed client -> HTTP -> tRPC standalone + router (own process) -> mem0-client -> mem0 stub
 *   gateway: typed client -> HTTP -> gateway (own process)                  -> mem0-client -> mem0 stub
 *   fetchLink (P1 reference): the gateway path through tRPC's plain httpLink on undici's fetch (the client as it was)
 *   floor (reference): a plain node:http forwarder in front of mem0-client, no tRPC (floor-forwarder-process.ts)
 *   barest (reference): the barest tRPC router (one procedure, no middleware) on tRPC's standalone adapter
 *
 * Every path runs `search` against the same zero-latency stub. The gateway path is production code end to end
 * (service token + JWT check, router: policy, zod in and out, superjson; metrics; info logs to a file). The
 * bare path is the same router with nothing of the gateway around it: a reference that splits the added
 * latency into "tRPC + router" and "the gateway's own". P1: concurrency 1, interleaved side by side;
 * P3: concurrency 32, two alternating rounds, with the CPU time every process used per call.
 */
import { measureSideBySide, measureThroughput, round, type Summary, writeResult } from "@automatos/bench";
import { createMem0Client } from "@automatos/mem0-client";
import { adaptiveHttpLinks, createMemoryClient, requestFetch } from "@automatos/memory";
import { createTRPCClient } from "@trpc/client";
import superjson from "superjson";
import { Agent } from "undici";
import {
  BENCH_SERVICE_SECRET,
  benchDataDir,
  benchUserToken,
  machineConditions,
  startGatewayProcess,
} from "./bench-setup.js";
import { forkService } from "./child.js";
import { cpuDuring } from "./proc-cpu.js";
import { type BarestRouter, BENCH_USER, BENCH_USER_FILTER, BENCH_WORKSPACE } from "./reference-routers.js";
import { createUnbatchedClient } from "./unbatched-client.js";

const QUERY = "what does the user like to drink in the morning";
const THROUGHPUT = { concurrency: 32, total: 8_000, warmup: 1_000 };

const stub = await forkService(new URL("./mem0-stub-process.ts", import.meta.url));
const gatewayProcess = await startGatewayProcess(benchDataDir("overhead"), {
  MEM0_API_URL: stub.url,
  MEM0_API_KEY: "bench-stub-key",
});
const bareProcess = await forkService(new URL("./bare-router-process.ts", import.meta.url), [
  stub.url,
  benchDataDir("bare"),
]);
const floorProcess = await forkService(new URL("./floor-forwarder-process.ts", import.meta.url), [stub.url]);
const barestProcess = await forkService(new URL("./barest-trpc-process.ts", import.meta.url), [stub.url]);
const direct = createMem0Client({ baseUrl: stub.url, apiKey: "bench-stub-key" });
const userToken = await benchUserToken(BENCH_WORKSPACE, BENCH_USER);
// The reference paths get the typed client's own transport: adaptive links over dispatcher.request.
const referenceAgent = new Agent({ connections: 32, keepAliveTimeout: 10_000 });
const barestClient = createTRPCClient<BarestRouter>({
  links: adaptiveHttpLinks<BarestRouter>({
    url: `${barestProcess.url}/trpc`,
    transformer: superjson,
    fetch: requestFetch(referenceAgent),
    methodOverride: "POST",
  }),
});
const floorBody = JSON.stringify({ query: QUERY });
const clientFor = (url: string) =>
  createMemoryClient({
    gatewayUrl: `${url}/trpc`,
    serviceToken: BENCH_SERVICE_SECRET,
    userToken,
    source: "bench",
  });
const gatewayClient = clientFor(gatewayProcess.url);
const unbatched = createUnbatchedClient({
  url: gatewayProcess.url,
  serviceToken: BENCH_SERVICE_SECRET,
  userToken,
});
const bareClient = clientFor(bareProcess.url);
const filters = BENCH_USER_FILTER;

const variants = {
  direct: () => direct.search({ query: QUERY, filters, topK: 10 }),
  bare: () => bareClient.memory.search.query({ query: QUERY, topK: 10 }),
  gateway: () => gatewayClient.memory.search.query({ query: QUERY, topK: 10 }),
  floor: async () => {
    const res = await referenceAgent.request({
      origin: floorProcess.url,
      path: "/",
      method: "POST",
      body: floorBody,
      headers: { "content-type": "application/json" },
    });
    return (await res.body.json()) as unknown;
  },
  barest: () => barestClient.search.query({ query: QUERY }),
};
const pids = {
  bench: process.pid,
  gateway: gatewayProcess.child.pid ?? 0,
  bare: bareProcess.child.pid ?? 0,
  floor: floorProcess.child.pid ?? 0,
  barest: barestProcess.child.pid ?? 0,
};

try {
  // Same answer on every path, or the comparison is meaningless.
  const answers = await Promise.all([
    variants.direct(),
    variants.bare(),
    variants.gateway(),
    variants.floor() as Promise<{ memories: unknown[] }>,
    variants.barest(),
  ]);
  const sizes = [
    answers[0].length,
    answers[1].memories.length,
    answers[2].memories.length,
    answers[3].memories.length,
    answers[4].length,
  ];
  if (sizes.some((n) => n !== 2)) throw new Error(`unexpected stub answers: ${sizes.join(", ")} memories`);

  const before = machineConditions();
  const side = await measureSideBySide(
    {
      direct: variants.direct,
      bare: variants.bare,
      gateway: variants.gateway,
      fetchLink: () => unbatched.client.memory.search.query({ query: QUERY, topK: 10 }),
      floor: variants.floor,
      barest: variants.barest,
    },
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
      bareRouterReference: rounded(side.bare),
      gatewayThroughFetchHttpLink: rounded(side.fetchLink),
      // References: an HTTP hop without tRPC, and tRPC without our router, added over direct.
      floorForwarderAddedP50: round(side.floor.p50 - side.direct.p50),
      barestTrpcAddedP50: round(side.barest.p50 - side.direct.p50),
      gatewayOwnP50: round(side.gateway.p50 - side.bare.p50),
      machine: { before, after: machineConditions() },
    },
  });

  // Throughput, two alternating rounds so drift on the shared machine hits every path alike. CPU time of the
  // processes a path uses is read around each run: CPU per call does not depend on the machine's load.
  const opsPerSec: Record<keyof typeof variants, number[]> = {
    direct: [],
    floor: [],
    barest: [],
    bare: [],
    gateway: [],
  };
  const cpuUsPerCall: Record<string, Record<string, number>> = {};
  let errors = 0;
  for (let r = 0; r < 2; r++) {
    for (const name of ["direct", "floor", "barest", "bare", "gateway"] as const) {
      const used = name === "direct" ? [pids.bench] : [pids.bench, pids[name]];
      const run = await cpuDuring([...used, stub.child.pid ?? 0], () =>
        measureThroughput(variants[name], THROUGHPUT),
      );
      opsPerSec[name].push(run.result.opsPerSec);
      errors += run.result.errors;
      const perCall = (ms: number | undefined) =>
        Math.round(((ms ?? 0) * 1000) / (THROUGHPUT.total + THROUGHPUT.warmup));
      const [load, server, stubCpu] = name === "direct" ? [run.cpuMs[0], 0, run.cpuMs[1]] : run.cpuMs;
      cpuUsPerCall[name] = { loadGenerator: perCall(load), server: perCall(server), stub: perCall(stubCpu) };
    }
  }
  const total = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  const ratio = total(opsPerSec.gateway) / total(opsPerSec.direct);
  writeResult("P3", {
    value: round(ratio),
    unit: "x",
    bar: ">= 0.5",
    pass: ratio >= 0.5 && errors === 0,
    details: {
      concurrency: THROUGHPUT.concurrency,
      opsPerSec: Object.fromEntries(Object.entries(opsPerSec).map(([k, v]) => [k, v.map(Math.round)])),
      bareRouterRatio: round(total(opsPerSec.bare) / total(opsPerSec.direct)),
      // References: what an HTTP hop without tRPC, and tRPC without our router, reach on the same cores.
      floorForwarderRatio: round(total(opsPerSec.floor) / total(opsPerSec.direct)),
      barestTrpcRatio: round(total(opsPerSec.barest) / total(opsPerSec.direct)),
      cpuMicrosPerCall: cpuUsPerCall,
      errors,
      machine: machineConditions(),
    },
  });
  console.log(
    `P1 added p50 ${round(addedP50)} ms, p99 ${round(addedP99)} ms (bare router p50 +${round(side.bare.p50 - side.direct.p50)} ms, ` +
      `tRPC httpLink on undici fetch +${round(side.fetchLink.p50 - side.direct.p50)} ms); ` +
      `P3 ratio ${round(ratio)} (ops/s ${JSON.stringify(opsPerSec, (_k, v) => (typeof v === "number" ? Math.round(v) : v))})`,
  );
} finally {
  await direct.close();
  await unbatched.close();
  await gatewayProcess.stop();
  await bareProcess.stop();
  await floorProcess.stop();
  await barestProcess.stop();
  await referenceAgent.close();
  await stub.stop();
}

function rounded(s: Summary): Record<string, number> {
  return { p50: round(s.p50), p95: round(s.p95), p99: round(s.p99), mean: round(s.mean), count: s.count };
}
