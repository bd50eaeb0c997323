/**
 * Scene 1, the chatbot: alice tells two facts, the outbox relay delivers them, a trivial "thanks!" is
 * skipped by the gate, and two later questions recall the matching fact with its score and timings.
 */
import {
  type ChatService,
  type ChatTurnResult,
  formatMemoryReport,
  formatRemembered,
} from "@automatos/chatbot";
import { type Identity, type MemoryConnection, waitForDelivery } from "@automatos/chatbot/runtime";
import { indent, type Transcript } from "../transcript.js";

export const CHAT_SCRIPT = {
  facts: [
    "I'm vegetarian and I live in Lisbon.",
    "I'm preparing the Atlas product launch with Priya this quarter.",
  ],
  trivial: "thanks!",
  questions: [
    {
      text: "Can you suggest a vegetarian restaurant in Lisbon?",
      expects: "I'm vegetarian and I live in Lisbon.",
    },
    {
      text: "Who is preparing the Atlas launch with me?",
      expects: "I'm preparing the Atlas product launch with Priya this quarter.",
    },
  ],
} as const;

export async function say(
  t: Transcript,
  chat: ChatService,
  who: { label: string; identity: Identity },
  message: string,
): Promise<ChatTurnResult> {
  const result = await chat.turn(who.identity, { conversationId: "main-job", message, showMemory: true });
  t.line(`${who.label}> ${message}`);
  if (result.memory) t.lines(formatMemoryReport(result.memory));
  t.line(indent(`bot> ${result.reply}`));
  t.line(formatRemembered(result.remembered));
  return result;
}

/** Waits for the relay (polling memory.health) and says how long delivery took. */
export async function settle(t: Transcript, memory: MemoryConnection, identity: Identity): Promise<void> {
  const waited = await waitForDelivery(memory.clientFor(identity));
  t.line(
    `  (outbox relay delivered the queued remembers to mem0: waited ${waited.waitedMs.toFixed(0)} ms, ${waited.polls} health poll(s))`,
  );
}

export async function chatScene(
  t: Transcript,
  chat: ChatService,
  memory: MemoryConnection,
  alice: Identity,
): Promise<{ aliceMemoryId: string | null }> {
  t.section("1. chatbot: alice @ acme (recall -> offline responder -> reply -> remember)");
  const who = { label: "alice", identity: alice };
  for (const fact of CHAT_SCRIPT.facts) await say(t, chat, who, fact);
  await settle(t, memory, alice);

  const trivial = await say(t, chat, who, CHAT_SCRIPT.trivial);
  t.check(
    'trivial turn ("thanks!") skipped: no mem0 search, nothing remembered',
    trivial.memory?.skipped === "acknowledgement" &&
      trivial.memory.searches === 0 &&
      trivial.remembered.status === "skipped",
  );

  let aliceMemoryId: string | null = null;
  for (const q of CHAT_SCRIPT.questions) {
    const turn = await say(t, chat, who, q.text);
    const hit = turn.memory?.used.find((m) => m.text === q.expects);
    aliceMemoryId ??= hit?.id ?? null;
    t.check(`later turn recalled: ${JSON.stringify(q.expects)}`, hit !== undefined && !turn.memory?.degraded);
  }
  await settle(t, memory, alice);
  return { aliceMemoryId };
}
