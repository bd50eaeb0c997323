/** Scene 2, the agents app: the trip planner learns alice's preference, uses it later, and bob gets none of it. */
import {
  createAgentRegistry,
  createAgentRunner,
  DEFAULT_AGENTS,
  formatPreferenceDemo,
  runPreferenceDemo,
} from "@automatos/agents";
import { createOfflineModel, type Identity, type MemoryConnection } from "@automatos/chatbot/runtime";
import type { Transcript } from "../transcript.js";

export async function agentsScene(
  t: Transcript,
  memory: MemoryConnection,
  users: { alice: Identity; bob: Identity },
): Promise<{ agentNoteAboutAlice: string | null }> {
  t.section("2. agents: trip-planner acting for alice, then bob @ acme");
  const runner = createAgentRunner({
    memory,
    model: createOfflineModel(),
    registry: createAgentRegistry(DEFAULT_AGENTS),
  });
  const result = await runPreferenceDemo(runner, { first: users.alice, second: users.bob });
  t.lines(formatPreferenceDemo(result, { first: "alice", second: "bob" }));
  t.check("agent used alice's preference learned in an earlier task", result.preferenceUsed);
  t.check("bob did not get alice's preference", !result.leakedToOtherUser);
  t.check("agent-level rule shared with both users of the workspace", result.ruleShared);
  const note = result.later.recalled.used.find((m) => m.scope === "agent-user");
  return { agentNoteAboutAlice: note?.id ?? null };
}
