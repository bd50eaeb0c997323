/**
 * The demo: an agent learns a user's preference in one task and applies it in a later one, while a second
 * user of the same workspace does not get it. Agent-level knowledge taught once reaches both users.
 * Returns what happened step by step (printed by cli/demo.ts, which the main job runs, and checked by the tests).
 */
import { waitForDelivery } from "@automatos/app-runtime";
import type { AgentRunner, AgentUser, TaskResult } from "../runner/agent-runner.js";

export const PREFERENCE_DEMO_SCRIPT = {
  agentId: "trip-planner",
  rule: "Workspace travel rule: book economy class for flights shorter than six hours.",
  learnTask: "Plan my Porto trip next week. For flights I always prefer a window seat.",
  laterTask: "Book my flights to Berlin for the sales summit.",
  preferenceMarker: "window seat",
  ruleMarker: "economy class",
} as const;

export interface PreferenceDemoResult {
  taught: { jobId: string };
  learn: TaskResult;
  later: TaskResult;
  otherUser: TaskResult;
  /** The later task recalled the preference learned in the first one. */
  preferenceUsed: boolean;
  /** The second user's task recalled the first user's preference (must be false). */
  leakedToOtherUser: boolean;
  /** Both users got the agent-level rule. */
  ruleShared: boolean;
}

const recalls = (r: TaskResult, marker: string) => r.recalled.used.some((m) => m.text.includes(marker));

export async function runPreferenceDemo(
  runner: AgentRunner,
  users: { first: AgentUser; second: AgentUser },
  options: { deliveryTimeoutMs?: number } = {},
): Promise<PreferenceDemoResult> {
  const s = PREFERENCE_DEMO_SCRIPT;
  const settle = () =>
    waitForDelivery(runner.clientFor(s.agentId, users.first), {
      timeoutMs: options.deliveryTimeoutMs ?? 15_000,
    });

  const jobId = await runner.teach({ agentId: s.agentId, user: users.first, note: s.rule });
  const learn = await runner.runTask({ agentId: s.agentId, user: users.first, task: s.learnTask });
  // The learned preference is queued; the later task must find it in mem0, so wait for the relay.
  await settle();
  const later = await runner.runTask({ agentId: s.agentId, user: users.first, task: s.laterTask });
  const otherUser = await runner.runTask({ agentId: s.agentId, user: users.second, task: s.laterTask });
  await settle();
  return {
    taught: { jobId },
    learn,
    later,
    otherUser,
    preferenceUsed: recalls(later, s.preferenceMarker),
    leakedToOtherUser: recalls(otherUser, s.preferenceMarker),
    ruleShared: recalls(later, s.ruleMarker) && recalls(otherUser, s.ruleMarker),
  };
}
