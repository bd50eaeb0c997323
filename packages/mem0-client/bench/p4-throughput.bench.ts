/**
 * P4 (docs/targets.md): throughput of @automatos/mem0-client vs a client built on global fetch (the official
 * SDK's transport), same loopback stub, concurrency 32, side by side in one run.
 *
 * The stub runs in a forked child so the server does not share the client's event loop. Both variants run
 * the same call (search, 5 results, parsed and normalised by the same zod schema), alternating in rounds so
 * that drift of a shared 2-core machine hits both alike; the figure is the ratio of median round
 * throughputs. Run: `pnpm bench @automatos/mem0-client` (root) or `pnpm --filter @automatos/mem0-client bench`.
 */
import { fork } from "node:child_process";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { measureThroughput, type ThroughputResult, writeResult } from "@automatos/bench";
import { createMem0Client } from "../src/client.js";
import { BENCH_KEY, BENCH_USER } from "./bench-constants.js";
import { createFetchSearch } from "./fetch-client.js";

const CONCURRENCY = 32;
const QUICK = process.argv.includes("--quick");
const ROUNDS = QUICK ? 2 : 5;
const PER_ROUND = QUICK ? 500 : 6_000;
const WARMUP = 1_000;

const child = fork(fileURLToPath(new URL("./stub-process.ts", import.meta.url)), {
  execArgv: ["--import", "tsx"],
  stdio: ["ignore", "inherit", "inherit", "ipc"],
});
const url = await new Promise<string>((resolve, reject) => {
  child.once("message", (m) => resolve((m as { url: string }).url));
  child.once("exit", (code) => reject(new Error(`stub process exited early (${code})`)));
});

const query = { query: "green tea", filters: { user_id: BENCH_USER }, topK: 5 };
const ours = createMem0Client({ baseUrl: url, apiKey: BENCH_KEY, connections: CONCURRENCY });
const viaFetch = createFetchSearch(url, BENCH_KEY);

// Both must return the same thing before their speed means anything.
const [a, b] = await Promise.all([ours.search(query), viaFetch(query)]);
if (a.length === 0 || JSON.stringify(a) !== JSON.stringify(b)) throw new Error("the two clients disagree");

const variants = {
  "mem0-client (undici)": () => ours.search(query),
  "global fetch": () => viaFetch(query),
} as const;
type Name = keyof typeof variants;
const runs: Record<Name, ThroughputResult[]> = { "mem0-client (undici)": [], "global fetch": [] };
const names = Object.keys(variants) as Name[];

for (let round = 0; round < ROUNDS; round++) {
  // Rotate the order each round: whoever goes first gets a slightly cooler machine.
  const order = round % 2 === 0 ? names : [...names].reverse();
  for (const name of order) {
    const r = await measureThroughput(variants[name], {
      concurrency: CONCURRENCY,
      total: PER_ROUND,
      warmup: round === 0 ? WARMUP : 200,
    });
    if (r.errors > 0) throw new Error(`${name}: ${r.errors} failed calls in round ${round}`);
    runs[name].push(r);
    console.log(
      `round ${round + 1} ${name}: ${r.opsPerSec.toFixed(0)} ops/s, p50 ${r.latency.p50.toFixed(2)} ms`,
    );
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)] as number;
};
const opsOurs = median(runs["mem0-client (undici)"].map((r) => r.opsPerSec));
const opsFetch = median(runs["global fetch"].map((r) => r.opsPerSec));
const ratio = opsOurs / opsFetch;
const p50 = (n: Name) => median(runs[n].map((r) => r.latency.p50));

writeResult("P4", {
  value: Math.round(ratio * 100) / 100,
  unit: "x",
  bar: ">= 2x",
  pass: ratio >= 2,
  details: {
    call: "search (5 results, zod-parsed and normalised by both clients)",
    concurrency: CONCURRENCY,
    rounds: ROUNDS,
    callsPerRound: PER_ROUND,
    opsPerSecMem0Client: Math.round(opsOurs),
    opsPerSecFetch: Math.round(opsFetch),
    p50MsMem0Client: Math.round(p50("mem0-client (undici)") * 100) / 100,
    p50MsFetch: Math.round(p50("global fetch") * 100) / 100,
    roundsOpsPerSec: Object.fromEntries(names.map((n) => [n, runs[n].map((r) => Math.round(r.opsPerSec))])),
    stub: "loopback fake of the self-hosted server in a forked child process",
    node: process.version,
    cores: availableParallelism(),
    loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  },
});
console.log(`P4: ${ratio.toFixed(2)}x (${opsOurs.toFixed(0)} vs ${opsFetch.toFixed(0)} ops/s)`);

await ours.close();
child.disconnect();
