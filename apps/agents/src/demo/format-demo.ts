/** The preference demo as transcript lines (the agents demo command and the main job print these). */
import { formatMemoryReport } from "@automatos/app-runtime";
import type { TaskResult } from "../runner/agent-runner.js";
import { PREFERENCE_DEMO_SCRIPT, type PreferenceDemoResult } from "./preference-demo.js";

const indent = (text: string) => text.split("\n").map((l) => `    ${l}`);

function task(label: string, task: string, r: TaskResult): string[] {
  return [
    `  ${label}: ${JSON.stringify(task)}`,
    ...formatMemoryReport(r.recalled, "    "),
    "    reply:",
    ...indent(r.reply).map((l) => `  ${l}`),
    `    remember: ${r.rememberedJobId ? `queued as agent-about-user memory (job ${r.rememberedJobId})` : "skipped"}`,
  ];
}

export function formatPreferenceDemo(
  result: PreferenceDemoResult,
  names: { first: string; second: string },
): string[] {
  const s = PREFERENCE_DEMO_SCRIPT;
  const yesNo = (b: boolean) => (b ? "yes" : "no");
  return [
    `  ${names.first} teaches ${s.agentId} a workspace rule (agent scope): ${JSON.stringify(s.rule)}`,
    ...task(`${names.first}, task 1`, s.learnTask, result.learn),
    ...task(`${names.first}, task 2`, s.laterTask, result.later),
    `  => learned preference (${JSON.stringify(s.preferenceMarker)}) used in ${names.first}'s later task: ${yesNo(result.preferenceUsed)}`,
    ...task(`${names.second}, same task`, s.laterTask, result.otherUser),
    `  => ${names.first}'s preference visible to ${names.second}: ${yesNo(result.leakedToOtherUser)}`,
    `  => workspace rule shared by the agent with both users: ${yesNo(result.ruleShared)}`,
  ];
}
