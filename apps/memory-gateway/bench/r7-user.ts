import { performance } from "node:perf_hooks";
import type { MemoryClient } from "@automatos/memory/client";
import { between, type ErrorTally, newErrorTally, sleep, timedCall } from "./capacity-calls.js";
import type { Ack } from "./capacity-delivery.js";
import { CHAT_TOPICS } from "./capacity-topics.js";

export interface LoadStats extends ErrorTally {
  turns: number;
  /** Trivial turns ("thanks!") the recall gate skipped without calling mem0: the design, not a miss. */
  skipped: number;
  /** Turns with something to recall that got no search (the gate skipped them): a miss the user feels. */
  skippedNonTrivial: number;
  /** Trivial turns that were searched anyway: wasted searches, reported. */
  searchedTrivial: number;
  degraded: number;
  /**
   * Of `degraded`, those on a user's first turn: the users arrive within one second, so first turns come
   * about four times as fast as the steady ~50 turns/s; this tells a start burst from the steady load.
   */
  degradedFirstTurn: number;
  degradedReasons: Record<string, number>;
  nonTrivialRecalls: number;
  remembered: number;
  /** Every acknowledged remember, for the delivery check at the end (capacity-delivery.ts). */
  acks: Ack[];
  /** `recall` has every recall; `recallNonTrivial` only those of turns with something to recall. */
  latency: { recall: number[]; recallNonTrivial: number[]; remember: number[]; list: number[] };
}

export function newLoadStats(): LoadStats {
  return {
    ...newErrorTally(),
    turns: 0,
    skipped: 0,
    skippedNonTrivial: 0,
    searchedTrivial: 0,
    degraded: 0,
    degradedFirstTurn: 0,
    degradedReasons: {},
    nonTrivialRecalls: 0,
    remembered: 0,
    acks: [],
    latency: { recall: [], recallNonTrivial: [], remember: [], list: [] },
  };
}

// Turns a chat user might type: facts worth remembering, questions that should recall them, and trivial
// acknowledgements the recall gate must skip without calling mem0.
const isTrivialTurn = (turn: number) => turn % 4 === 2;
function turnText(user: number, turn: number): string {
  const topic = CHAT_TOPICS[(user + turn) % CHAT_TOPICS.length];
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
    const trivial = isTrivialTurn(turn);
    // Each message ends with a marker unique to the turn, so the end of the run can find it in mem0, and
    // the message is recalled with as sent, as the chatbot does (a trivial one stays bare: the gate's case).
    const marker = `r7 u${index} t${turn}`;
    const message = trivial ? text : `${text} [${marker}]`;
    const took: number[] = [];
    const recalled = await timedCall(stats, took, () => client.memory.recall.query({ query: message }));
    stats.latency.recall.push(...took);
    if (!trivial) stats.latency.recallNonTrivial.push(...took);
    if (recalled) {
      if (!trivial) stats.nonTrivialRecalls++;
      if (recalled.skipped) {
        if (trivial) stats.skipped++;
        else stats.skippedNonTrivial++;
      } else if (trivial) stats.searchedTrivial++;
      if (recalled.degraded) {
        stats.degraded++;
        if (turn === 0) stats.degradedFirstTurn++;
        const reason = recalled.degradedReason ?? "unknown";
        stats.degradedReasons[reason] = (stats.degradedReasons[reason] ?? 0) + 1;
      }
    }
    await sleep(between(50, 150)); // the LLM answering
    const remembered = await timedCall(stats, stats.latency.remember, () =>
      client.memory.remember.mutate({
        messages: [
          { role: "user", content: trivial ? `${text} [${marker}]` : message },
          { role: "assistant", content: `Noted about turn ${turn}. [${marker} reply]` },
        ],
        idempotencyKey: `r7-user-${index}-turn-${turn}`,
      }),
    );
    if (remembered && !remembered.duplicate) {
      stats.remembered++;
      stats.acks.push({ user: index, markers: [marker, `${marker} reply`], ackAtMs: Date.now() });
    }
    if (turn % 10 === 9)
      await timedCall(stats, stats.latency.list, () => client.memory.list.query({ limit: 20 }));
    stats.turns++;
    await sleep(Math.min(between(2_000, 6_000), opts.deadline - performance.now())); // the person typing
  }
}
