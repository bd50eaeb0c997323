/**
 * Scene 1, the chatbot, run as its terminal chat (`chat --show-memory`, input piped) in two sessions: alice
 * tells two facts; the main job waits until mem0 holds them (the chat's relay delivers them before the
 * process exits); a second session, a new process with nothing in its own memory, says "thanks!" (skipped
 * by the gate) and asks two questions that recall the matching fact with its score and timings.
 */
import type { Identity, MemoryConnection } from "@automatos/app-runtime";
import { type ChatTurn, recalledId, splitChatTurns } from "../apps/chat-turns.js";
import { type AppTarget, describeFailure, runApp } from "../apps/run-app.js";
import type { Transcript } from "../transcript.js";

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

/** Prints a turn under the user's message: the reply indented, the recall and remember lines as printed. */
function printTurn(t: Transcript, label: string, message: string, turn: ChatTurn | undefined): void {
  t.line(`${label}> ${message}`);
  if (!turn) {
    t.line("  (no answer from the chat)");
    return;
  }
  for (const l of turn.lines) t.line(/^ {2}(recall|remember): |^ {4}\[\d+\]/.test(l) ? l : `  ${l}`);
}

/** Runs one chat session for `who` with `messages` piped in; prints each turn; returns the turns. */
export async function chatSession(
  t: Transcript,
  target: AppTarget,
  who: { label: string; identity: Identity },
  messages: readonly string[],
): Promise<ChatTurn[]> {
  const run = await runApp(target, "chat", {
    args: [
      ...["--workspace", who.identity.workspaceId, "--user", who.identity.userId],
      ...["--conversation", "main-job", "--show-memory"],
    ],
    stdin: `${messages.join("\n")}\n`,
  });
  const { turns } = splitChatTurns(run.stdout);
  for (const [i, m] of messages.entries()) printTurn(t, who.label, m, turns[i]);
  if (run.code !== 0) t.lines(describeFailure("chat", run));
  return turns;
}

/** Polls until alice's memory (read as the chatbot) holds every fact; bounded. */
async function waitForFacts(memory: MemoryConnection, alice: Identity, timeoutMs = 20_000) {
  const started = performance.now();
  for (let polls = 1; ; polls++) {
    const { memories } = await memory.clientFor(alice).memory.list.query({ limit: 100 });
    const held = CHAT_SCRIPT.facts.filter((f) => memories.some((m) => m.text === f)).length;
    const waitedMs = performance.now() - started;
    if (held === CHAT_SCRIPT.facts.length || waitedMs >= timeoutMs) return { held, waitedMs, polls };
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function chatScene(
  t: Transcript,
  target: AppTarget,
  memory: MemoryConnection,
  alice: Identity,
): Promise<{ aliceMemoryId: string | null }> {
  t.section(
    "1. chatbot: alice @ acme in the terminal chat (recall -> offline responder -> reply -> remember)",
  );
  const who = { label: "alice", identity: alice };
  t.line("(session 1: `chat --workspace acme --user alice --show-memory`, a child process)");
  await chatSession(t, target, who, CHAT_SCRIPT.facts);
  const facts = await waitForFacts(memory, alice);
  t.line(
    `  (mem0 holds ${facts.held} of alice's ${CHAT_SCRIPT.facts.length} facts, delivered by the chat's outbox relay: waited ${facts.waitedMs.toFixed(0)} ms after the session, ${facts.polls} poll(s))`,
  );

  t.line("(session 2: a new chat process; what it recalls comes from mem0)");
  const [trivial, ...answers] = await chatSession(t, target, who, [
    CHAT_SCRIPT.trivial,
    ...CHAT_SCRIPT.questions.map((q) => q.text),
  ]);
  t.check(
    'trivial turn ("thanks!") skipped: no mem0 search, nothing remembered',
    trivial !== undefined &&
      /recall: skipped \(acknowledgement\), no search/.test(trivial.text) &&
      /remember: skipped \(trivial turn\)/.test(trivial.text),
  );
  let aliceMemoryId: string | null = null;
  for (const [i, q] of CHAT_SCRIPT.questions.entries()) {
    const turn = answers[i];
    const id = turn ? recalledId(turn, q.expects) : null;
    aliceMemoryId ??= id;
    t.check(
      `later turn recalled: ${JSON.stringify(q.expects)}`,
      id !== null && !turn?.text.includes("DEGRADED"),
    );
  }
  return { aliceMemoryId };
}
