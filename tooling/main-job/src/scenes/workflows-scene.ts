/**
 * Scene 3, the workflows app: a three-step run shares notes through run memory and reads alice's memory,
 * then its memory is forgotten; a run left behind by a "crash" is forgotten by the TTL sweep.
 */
import type { Identity, MemoryConnection } from "@automatos/chatbot/runtime";
import { createOfflineModel } from "@automatos/chatbot/runtime";
import {
  createMemoryRunRegistry,
  createWorkflowRunner,
  describeForget,
  formatRunReport,
  teamDinnerWorkflow,
} from "@automatos/workflows";
import type { Transcript } from "../transcript.js";

const TTL_MS = 60_000;

export async function workflowsScene(
  t: Transcript,
  memory: MemoryConnection,
  alice: Identity,
): Promise<void> {
  t.section(
    "3. workflows: team-dinner run for alice @ acme (run memory shared by the steps, then forgotten)",
  );
  let now = Date.now();
  const registry = createMemoryRunRegistry();
  const runner = createWorkflowRunner({
    memory,
    model: createOfflineModel(),
    registry,
    ttlMs: TTL_MS,
    now: () => now,
  });
  const report = await runner.run(teamDinnerWorkflow, {
    user: alice,
    input: { request: "Plan a team dinner for eight people in Lisbon next Friday" },
  });
  t.lines(formatRunReport(report));
  const plan = (report.steps.at(-1)?.data as { plan?: string[] } | undefined)?.plan ?? [];
  t.lines(plan.map((p, i) => `    plan note ${i + 1}: ${JSON.stringify(p)}`));
  const left = await memory
    .clientFor({ ...alice, runId: report.runId })
    .memory.list.query({ scopes: ["run"] });
  t.line(`  run memory left after the run: ${left.memories.length}`);
  t.check(
    "workflow steps shared run memory (later steps read earlier notes)",
    report.status === "completed" && (report.steps[1]?.notesRead ?? 0) > 0 && plan.length >= 2,
  );
  t.check("run memory forgotten when the run completed", left.memories.length === 0);

  // A run whose process died after writing: registered, never forgotten; the sweep finds it once expired.
  const runId = "crashed-run-1";
  await registry.add({ runId, workflowId: teamDinnerWorkflow.id, ...alice, expiresAt: now + TTL_MS });
  await memory.clientFor({ ...alice, runId }).memory.add.mutate({
    messages: [{ role: "user", content: "Request: a run whose process died" }],
    scope: "run",
    infer: false,
  });
  now += TTL_MS + 1;
  const [swept] = await runner.sweepExpired();
  const leftBehind = await memory.clientFor({ ...alice, runId }).memory.list.query({ scopes: ["run"] });
  const sweptText = swept ? describeForget(swept.forgotten) : "not found by the sweep";
  t.line(`  TTL sweep: run ${runId} expired -> ${sweptText}; run memory left: ${leftBehind.memories.length}`);
  t.check("expired run left behind was forgotten by the TTL sweep", leftBehind.memories.length === 0);
}
