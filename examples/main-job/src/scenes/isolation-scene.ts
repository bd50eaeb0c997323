/**
 * Scene 4, isolation: another workspace and another user ask alice's question in their own terminal chats
 * and find nothing; a by-id read or delete of alice's memory from another tenant is NOT_FOUND (existence
 * never leaks), and memory acting as the chatbot cannot read the trip planner's note about alice either (a
 * scope the chatbot does not own). The by-id calls go through the main job's own connection as the chatbot
 * app: the terminal chat has no by-id read.
 */
import type { Identity, MemoryConnection } from "@automatos/app-runtime";
import type { AppTarget } from "../apps/run-app.js";
import { Transcript } from "../transcript.js";
import { CHAT_SCRIPT, chatSession } from "./chat-scene.js";

async function outcome(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return "FOUND";
  } catch (e) {
    return (e as { data?: { code?: string } }).data?.code ?? (e instanceof Error ? e.message : "error");
  }
}

export async function isolationScene(
  t: Transcript,
  target: AppTarget,
  memory: MemoryConnection,
  users: { alice: Identity; bob: Identity; mallory: Identity },
  ids: { aliceMemoryId: string | null; agentNoteAboutAlice: string | null },
): Promise<void> {
  t.section("4. isolation: other tenants ask for alice's memories");
  const question = CHAT_SCRIPT.questions[0].text;
  const [mallory, bob] = await Promise.all(
    [
      { label: "mallory @ globex", identity: users.mallory },
      { label: "bob @ acme", identity: users.bob },
    ].map(async (who) => {
      const lines: string[] = [];
      // Both chats run side by side; each one's lines are kept apart and printed in order afterwards.
      const turns = await chatSession(new Transcript((l) => lines.push(l)), target, who, [question]);
      return { lines, turn: turns[0] };
    }),
  );
  for (const who of [mallory, bob]) t.lines(who?.lines ?? []);
  const recalledNothing = (turn: { text: string } | undefined) =>
    turn !== undefined && /recall: 0 memories used, 1 search/.test(turn.text);
  t.check(
    "another workspace and another user recall none of alice's memories",
    recalledNothing(mallory?.turn) && recalledNothing(bob?.turn),
  );

  const id = ids.aliceMemoryId ?? "00000000-0000-4000-8000-000000000000";
  const asMallory = memory.clientFor(users.mallory);
  const get = await outcome(() => asMallory.memory.get.query({ id }));
  const del = await outcome(() => asMallory.memory.delete.mutate({ id }));
  const stillThere = await outcome(() => memory.clientFor(users.alice).memory.get.query({ id }));
  t.line(`mallory @ globex: memory.get of alice's memory ${id} -> ${get}`);
  t.line(`mallory @ globex: memory.delete of alice's memory ${id} -> ${del}`);
  t.line(
    `alice @ acme: memory.get of the same id -> ${stillThere === "FOUND" ? "found, unchanged" : stillThere}`,
  );
  t.check(
    "by-id get/delete of alice's memory from another tenant: NOT_FOUND, memory intact",
    ids.aliceMemoryId !== null && get === "NOT_FOUND" && del === "NOT_FOUND" && stillThere === "FOUND",
  );

  if (ids.agentNoteAboutAlice) {
    const scoped = await outcome(() =>
      memory.clientFor(users.alice).memory.get.query({ id: ids.agentNoteAboutAlice as string }),
    );
    t.line(`alice @ acme as the chatbot: memory.get of the trip planner's note about her -> ${scoped}`);
    t.check("the chatbot cannot read the agent's agent-about-user memory", scoped === "NOT_FOUND");
  }
}
