/**
 * Scene 2, the agents app, run as its demo command (`demo --workspace acme`, a child process): the trip
 * planner learns alice's preference, uses it later, and bob gets none of it; the rule reaches both.
 */
import type { ChildResult } from "@automatos/app-runtime";
import { type AppTarget, describeFailure, runApp } from "../apps/run-app.js";
import type { Transcript } from "../transcript.js";

/** The id of the trip planner's note about alice, as recalled in alice's later task. */
function agentNoteId(stdout: string): string | null {
  const later = stdout.slice(Math.max(0, stdout.indexOf("alice, task 2")));
  return /score [\d.]+ agent-user ".*" id=([0-9a-f-]{36})$/m.exec(later)?.[1] ?? null;
}

export async function startAgentsScene(target: AppTarget, workspaceId: string): Promise<ChildResult> {
  return runApp(target, "agentsDemo", { args: ["--workspace", workspaceId] });
}

export function agentsScene(t: Transcript, run: ChildResult): { agentNoteAboutAlice: string | null } {
  t.section("2. agents: trip-planner acting for alice, then bob @ acme (`agents demo`, a child process)");
  t.lines(run.stdout.trimEnd().split("\n"));
  if (run.code !== 0) t.lines(describeFailure("agentsDemo", run));
  t.check(
    "agent used alice's preference learned in an earlier task",
    run.stdout.includes("used in alice's later task: yes"),
  );
  t.check("bob did not get alice's preference", run.stdout.includes("alice's preference visible to bob: no"));
  t.check(
    "agent-level rule shared with both users of the workspace",
    run.stdout.includes("workspace rule shared by the agent with both users: yes"),
  );
  return { agentNoteAboutAlice: agentNoteId(run.stdout) };
}
