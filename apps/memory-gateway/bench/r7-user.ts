import { performance } from "node:perf_hooks";
import type { MemoryClient } from "@automatos/memory/client";

export interface LoadStats {
  turns: number;
  errors: number;
  errorsByCode: Record<string, number>;
  /** The first few distinct error messages (ours are generic and tenant-free), to diagnose a failed run. */
  errorSamples: string[];
  skipped: number;
  degraded: number;
  remembered: number;
  latency: { recall: number[]; remember: number[]; list: number[] };
}

export function newLoadStats(): LoadStats {
  return {
    turns: 0,
    errors: 0,
    errorsByCode: {},
    errorSamples: [],
    skipped: 0,
    degraded: 0,
    remembered: 0,
    latency: { recall: [], remember: [], list: [] },
  };
}

// Turns a chat user might type: facts worth remembering, questions that should recall them, and trivial
// acknowledgements the recall gate must skip without calling mem0.
const TOPICS = [
  "tea",
  "coffee",
  "hiking",
  "jazz",
  "python",
  "gardening",
  "chess",
  "cycling",
  "sushi",
  "piano",
];
function turnText(user: number, turn: number): string {
  const topic = TOPICS[(user + turn) % TOPICS.length];
  switch (turn % 4) {
    case 0:
      return `I really enjoy ${topic} on weekends, please remember that about me (turn ${turn}).`;
    case 1:
      return `What do you remember about my interest in ${topic}?`;
    case 2:
      return "thanks!";
    default:
      return `Can you suggest something new related to ${topic} that I have not tried yet?`;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
const between = (lo: number, hi: number) => lo + Math.random() * (hi - lo);

async function timed<T>(stats: LoadStats, bucket: number[], fn: () => Promise<T>): Promise<T | undefined> {
  const t0 = performance.now();
  try {
    const result = await fn();
    bucket.push(performance.now() - t0);
    return result;
  } catch (err) {
    bucket.push(performance.now() - t0);
    stats.errors++;
    const code = (err as { data?: { code?: string } }).data?.code ?? (err as Error).name ?? "unknown";
    stats.errorsByCode[code] = (stats.errorsByCode[code] ?? 0) + 1;
    const sample = `${code}: ${(err as Error).message}`.slice(0, 200);
    if (stats.errorSamples.length < 5 && !stats.errorSamples.includes(sample))
      stats.errorSamples.push(sample);
    return undefined;
  }
}

/** One simulated chat session, until `deadline` (a turn in progress is finished, then the user leaves). */
export async function runUser(opts: {
  client: MemoryClient;
  index: number;
  deadline: number;
  startDelayMs: number;
  stats: LoadStats;
}): Promise<void> {
  const { client, index, stats } = opts;
  await sleep(opts.startDelayMs);
  for (let turn = 0; performance.now() < opts.deadline; turn++) {
    const text = turnText(index, turn);
    const recalled = await timed(stats, stats.latency.recall, () =>
      client.memory.recall.query({ query: text }),
    );
    if (recalled?.skipped) stats.skipped++;
    if (recalled?.degraded) stats.degraded++;
    await sleep(between(50, 150)); // the LLM answering
    const remembered = await timed(stats, stats.latency.remember, () =>
      client.memory.remember.mutate({
        messages: [
          { role: "user", content: text },
          { role: "assistant", content: `Noted about turn ${turn}.` },
        ],
        idempotencyKey: `r7-user-${index}-turn-${turn}`,
      }),
    );
    if (remembered && !remembered.duplicate) stats.remembered++;
    if (turn % 10 === 9)
      await timed(stats, stats.latency.list, () => client.memory.list.query({ limit: 20 }));
    stats.turns++;
    await sleep(Math.min(between(2_000, 6_000), opts.deadline - performance.now())); // the person typing
  }
}
