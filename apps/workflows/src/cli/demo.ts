/**
 * `pnpm --filter @automatos/workflows demo`: runs the team-dinner workflow against the configured memory
 * (embedded by default) in a fresh workspace, then checks that the run's memory is gone.
 */
import { randomBytes } from "node:crypto";
import {
  createAppLogger,
  DEMO_RECALL_BUDGET_MS,
  refuseGatewayDemo,
  runCli,
} from "@automatos/chatbot/runtime";
import { createWorkflowsApp } from "../create-workflows.js";
import { formatRunReport } from "../demo/format-run.js";
import { teamDinnerWorkflow } from "../demo/team-dinner-workflow.js";
import { loadWorkflowsEnv } from "../env.js";

runCli("workflows demo", async () => {
  const config = loadWorkflowsEnv();
  if (refuseGatewayDemo("workflows demo", config.memory.kind)) return 2;
  const logger = createAppLogger("workflows", "warn", "stderr");
  // A cold engine's first searches can exceed the router's 150 ms default: the demo would show no memories.
  const demoConfig = { ...config, recallBudgetMs: config.recallBudgetMs ?? DEMO_RECALL_BUDGET_MS };
  const app = await createWorkflowsApp(demoConfig, { logger, sweep: false });
  try {
    const user = { workspaceId: `demo-${randomBytes(4).toString("hex")}`, userId: "alice" };
    const report = await app.runner.run(teamDinnerWorkflow, {
      user,
      input: { request: "Plan a team dinner for eight people next Friday" },
    });
    for (const line of formatRunReport(report)) console.log(line);
    const run = app.memory.clientFor({ ...user, runId: report.runId });
    const left = await run.memory.list.query({ scopes: ["run"] });
    console.log(`  run memory left after the run: ${left.memories.length}`);
    return report.status === "completed" && left.memories.length === 0 ? 0 : 1;
  } finally {
    await app.close();
  }
});
