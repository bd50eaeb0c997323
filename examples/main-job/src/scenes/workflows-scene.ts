/**
 * Scene 3, the workflows app, run as its demo command (`demo --workspace acme`, a child process): a
 * three-step run shares notes through run memory and reads alice's memory, then its memory is forgotten;
 * a run left behind by a "crash" is forgotten by the TTL sweep.
 */
import type { ChildResult } from "@automatos/app-runtime";
import { type AppTarget, describeFailure, runApp } from "../apps/run-app.js";
import type { Transcript } from "../transcript.js";

export async function startWorkflowsScene(target: AppTarget, workspaceId: string): Promise<ChildResult> {
  return runApp(target, "workflowsDemo", { args: ["--workspace", workspaceId] });
}

export function workflowsScene(t: Transcript, run: ChildResult): void {
  t.section(
    "3. workflows: team-dinner run for alice @ acme (`workflows demo`, a child process; run memory shared by the steps, then forgotten)",
  );
  t.lines(run.stdout.trimEnd().split("\n"));
  if (run.code !== 0) t.lines(describeFailure("workflowsDemo", run));
  const out = run.stdout;
  const laterStepRead = Number(/step 2 \S+: .*?(\d+) read;/.exec(out)?.[1] ?? 0);
  const planNotes = out.match(/^ {4}plan note \d+: /gm)?.length ?? 0;
  t.check(
    "workflow steps shared run memory (later steps read earlier notes)",
    /^ {2}run \S+ of team-dinner: completed in/m.test(out) && laterStepRead > 0 && planNotes >= 2,
  );
  t.check(
    "run memory forgotten when the run completed",
    out.includes("  run memory left after the run: 0\n"),
  );
  t.check(
    "expired run left behind was forgotten by the TTL sweep",
    /^ {2}TTL sweep: run \S+ expired -> run memory forgotten: .*; run memory left: 0$/m.test(out),
  );
}
