/**
 * `pnpm --filter @automatos/workflows demo [--workspace <id>]`: runs the team-dinner workflow against the
 * configured memory (embedded by default), checks that the run's memory is gone, then shows the TTL sweep
 * forgetting a run left behind by a crash. Without --workspace each run uses a fresh workspace id, so earlier
 * runs' memories never mix in. Exit code 0 when both checks hold, 1 when one fails, 2 for a bad flag.
 */
import {
  createAppLogger,
  DEMO_RECALL_BUDGET_MS,
  parseDemoWorkspace,
  refuseGatewayDemo,
  runCli,
} from "@automatos/app-runtime";
import { createWorkflowsApp } from "../create-workflows.js";
import { runCrashSweepDemo } from "../demo/crash-sweep-demo.js";
import { formatRunReport } from "../demo/format-run.js";
import { teamDinnerWorkflow } from "../demo/team-dinner-workflow.js";
import { loadWorkflowsEnv } from "../env.js";
import { createMemoryRunRegistry } from "../runs/run-registry.js";

runCli("workflows demo", async () => {
  const flags = parseDemoWorkspace(process.argv.slice(2));
  if (!flags.ok) {
    process.stderr.write(`workflows demo: ${flags.error}\n`);
    return 2;
  }
  const { workspaceId } = flags;
  const user = { workspaceId, userId: "alice" };
  const config = loadWorkflowsEnv();
  if (refuseGatewayDemo("workflows demo", config.memory.kind)) return 2;
  const logger = createAppLogger("workflows", "warn", "stderr");
  // A cold engine's first searches can exceed the router's 150 ms default: the demo would show no memories.
  const demoConfig = { ...config, recallBudgetMs: config.recallBudgetMs ?? DEMO_RECALL_BUDGET_MS };
  // The demo's own clock and an in-process registry: the sweep part moves time past a TTL without waiting.
  const clock = { now: Date.now() };
  const app = await createWorkflowsApp(demoConfig, {
    logger,
    sweep: false,
    registry: createMemoryRunRegistry(),
    now: () => clock.now,
  });
  try {
    console.log(`workflows demo in workspace ${workspaceId} for alice (memory: ${app.memory.mode})`);
    const report = await app.runner.run(teamDinnerWorkflow, {
      user,
      input: { request: "Plan a team dinner for eight people in Lisbon next Friday" },
    });
    for (const line of formatRunReport(report)) console.log(line);
    const plan = (report.steps.at(-1)?.data as { plan?: string[] } | undefined)?.plan ?? [];
    for (const [i, p] of plan.entries()) console.log(`    plan note ${i + 1}: ${JSON.stringify(p)}`);
    const run = app.memory.clientFor({ ...user, runId: report.runId });
    const left = await run.memory.list.query({ scopes: ["run"] });
    console.log(`  run memory left after the run: ${left.memories.length}`);
    const sweep = await runCrashSweepDemo(
      { runner: app.runner, memory: app.memory, clock, ttlMs: config.runs.ttlMs },
      user,
    );
    console.log(sweep.line);
    return report.status === "completed" && left.memories.length === 0 && sweep.left === 0 ? 0 : 1;
  } finally {
    await app.close();
  }
});
