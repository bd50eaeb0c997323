/**
 * P11, capacity through the gateway (docs/targets.md, P11; issue 16): for N = 25, 50, 100 and 200 simulated
 * users, each on a fresh stack (bench/p11-run.ts), 60 s of turns (a recall, then a remember, then 0.5-1.5 s
 * of thinking). Writes `P11-<N>` per load and `P11`, the largest N that meets its bar (bench/p11-bars.ts).
 * The smallest load also measures recall-only and remember-only turns, for the CPU of each call apart.
 *
 * A full run takes about 6-8 minutes. For a quick check of the machinery (figures are not meaningful):
 *   pnpm --filter @automatos/memory-gateway bench:p11 --seconds 10 --users 10,25
 * A run with either flag is a trial: its results go to a temporary file, never to the results file.
 */
import { writeResult } from "@automatos/bench";
import { closeGatewayConnections } from "@automatos/memory/client";
import { parseLoadFlags } from "./capacity-flags.js";
import { BAR_50, BAR_100, barFor, judge, largestPassing } from "./p11-bars.js";
import { runCapacity } from "./p11-run.js";

const {
  durationS,
  users: loads,
  trial,
  resultsFile,
} = parseLoadFlags({
  durationS: 60,
  users: [25, 50, 100, 200],
});

const STACK =
  "gateway process -> embedded mem0 (its child process, default embedder, infer off) + PGlite; driver in its own process";
const runs: { users: number; meets: boolean; misses: string[] }[] = [];
let cpuMsPerCall: unknown = null;
for (const [i, users] of loads.entries()) {
  const { figures, details } = await runCapacity({
    users,
    durationMs: durationS * 1_000,
    drainDeadlineMs: 60_000,
    // Once, on the smallest load: CPU per call does not depend on the load, and the run must fit ~8 minutes.
    ...(i === 0 ? { splitPhaseMs: Math.min(10_000, durationS * 1_000) } : {}),
  });
  const verdict = judge(figures);
  runs.push({ users, ...verdict });
  cpuMsPerCall ??= details.cpuMsPerCall;
  const judged = users === 50 || users === 100;
  writeResult(
    `P11-${users}`,
    {
      value: details.degradedOrSkippedPct,
      unit: "% recalls degraded or skipped",
      bar: judged
        ? `${users} users x ${durationS} s: ${barFor(users).text}`
        : `reported (${users} users x ${durationS} s; judged by the ${users <= 50 ? 50 : 100}-user bar for the largest N)`,
      pass: judged ? verdict.meets : true,
      details: { ...details, meetsBar: verdict.meets, misses: verdict.misses, stack: STACK },
    },
    resultsFile,
  );
  console.log(
    `P11-${users}: ${details.turns} turns, recall p50/p95/p99 ${details.recall.p50}/${details.recall.p95}/` +
      `${details.recall.p99} ms, degraded+skipped ${details.degradedOrSkippedPct}%, remember ack p99 ` +
      `${details.rememberAck.p99} ms, outbox lag p99 ${details.outboxLag.p99} ms, drained ${details.drain.drained} ` +
      `in ${details.drain.drainMs} ms, errors ${details.errors}, lost ${details.lost}, load ` +
      `${details.loadAverage1m.atEnd}, CPU ms/turn gateway ${details.cpuMsPerTurn.untilDrained.gateway} engine ` +
      `${details.cpuMsPerTurn.untilDrained.engine}: ${verdict.meets ? "meets" : `misses (${verdict.misses.join(", ")})`} its bar`,
  );
}

const largest = largestPassing(runs);
const bars = runs.filter((r) => r.users === 50 || r.users === 100);
writeResult(
  "P11",
  {
    value: largest,
    unit: "users (largest N meeting its bar)",
    bar: `50 users: ${BAR_50.text}; 100 users: ${BAR_100.text}`,
    pass: bars.length === 2 && bars.every((r) => r.meets),
    details: {
      loads: runs,
      durationS,
      cpuMsPerCall,
      note: "the largest N meeting its bar with every smaller load meeting its own; see P11-<N> for the figures",
      stack: STACK,
    },
  },
  resultsFile,
);
console.log(
  `P11: largest load meeting its bar ${largest} users${trial ? ` (trial run, written to ${resultsFile})` : ""}`,
);
await closeGatewayConnections();
