/**
 * One simulated P11 user (docs/targets.md, P11), turn by turn as the chatbot runs one
 * (apps/chatbot/src/chat/chat-service.ts): a `memory.recall` of the user's message, then a `memory.remember`
 * of that message and the assistant's reply, then 0.5-1.5 s of thinking. Messages alternate between a fact and
 * a question, and each ends with a marker of its user and turn, so no two are the same text (the end of the
 * run looks the markers up in mem0). No turn is trivial, so every recall is a search: a skipped recall is as
 * much a miss as a degraded one. `mode` runs recalls only or remembers only (same cadence), to measure the
 * CPU of each apart.
 */
import { performance } from "node:perf_hooks";
import type { MemoryClient } from "@automatos/memory/client";
import { between, type ErrorTally, newErrorTally, sleep, timedCall } from "./capacity-calls.js";
import type { Ack } from "./capacity-delivery.js";
import { CHAT_TOPICS } from "./capacity-topics.js";

export type TurnMode = "mixed" | "recall" | "remember";

export interface P11Stats extends ErrorTally {
  turns: number;
  recalls: number;
  degraded: number;
  skipped: number;
  /** Why recalls degraded (timeout = over the recall's time budget, ...). */
  degradedReasons: Record<string, number>;
  /** When each degraded recall came back (performance.now()): where in the load the misses fall. */
  degradedAt: number[];
  latency: { recall: number[]; remember: number[] };
  acks: Ack[];
}

export function newP11Stats(): P11Stats {
  return {
    ...newErrorTally(),
    turns: 0,
    recalls: 0,
    degraded: 0,
    skipped: 0,
    degradedReasons: {},
    degradedAt: [],
    latency: { recall: [], remember: [] },
    acks: [],
  };
}

const FACTS = [
  (t: string) => `I have been getting into ${t} lately and I spend most Sunday mornings on it.`,
  (t: string) => `My sister gave me a book about ${t} for my birthday and I loved it.`,
  (t: string) => `I would like to get better at ${t} this year, maybe with a weekly class.`,
];
const QUESTIONS = [
  (t: string) => `What do you remember about my interest in ${t}?`,
  (t: string) => `Can you suggest something new related to ${t} that I have not tried yet?`,
  (t: string) => `Which of my hobbies did I say I wanted to improve, was it ${t}?`,
];

export async function runP11User(o: {
  client: MemoryClient;
  user: number;
  /** Marker prefix: keeps the idempotency keys and markers of two phases on one stack apart. */
  tag: string;
  mode: TurnMode;
  deadline: number;
  startDelayMs: number;
  stats: P11Stats;
}): Promise<void> {
  const { client, user, stats } = o;
  await sleep(o.startDelayMs);
  for (let turn = 0; performance.now() < o.deadline; turn++) {
    const topic = CHAT_TOPICS[(user + turn) % CHAT_TOPICS.length] as string;
    const marker = `${o.tag} u${user} t${turn}`;
    const forms = turn % 2 === 0 ? FACTS : QUESTIONS;
    const message = `${(forms[Math.floor(turn / 2) % forms.length] as (t: string) => string)(topic)} [${marker}]`;
    if (o.mode !== "remember") {
      const recalled = await timedCall(stats, stats.latency.recall, () =>
        client.memory.recall.query({ query: message }),
      );
      if (recalled) {
        stats.recalls++;
        if (recalled.skipped) stats.skipped++;
        if (recalled.degraded) {
          stats.degraded++;
          stats.degradedAt.push(performance.now());
          const reason = recalled.degradedReason ?? "unknown";
          stats.degradedReasons[reason] = (stats.degradedReasons[reason] ?? 0) + 1;
        }
      }
    }
    if (o.mode !== "recall") {
      const remembered = await timedCall(stats, stats.latency.remember, () =>
        client.memory.remember.mutate({
          messages: [
            { role: "user", content: message },
            {
              role: "assistant",
              content: `Noted, I will keep that in mind about ${topic}. [${marker} reply]`,
            },
          ],
          idempotencyKey: `${o.tag}-user-${user}-turn-${turn}`,
        }),
      );
      if (remembered && !remembered.duplicate)
        stats.acks.push({ user, markers: [marker, `${marker} reply`], ackAtMs: Date.now() });
    }
    stats.turns++;
    await sleep(Math.min(between(500, 1_500), o.deadline - performance.now())); // the person thinking
  }
}
