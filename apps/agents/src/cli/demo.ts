/**
 * `pnpm --filter @automatos/agents demo [--workspace <id>]`: the preference demo against the configured
 * memory (embedded by default), alice then bob. Without --workspace each run uses a fresh workspace id, so
 * earlier runs' memories never mix in. Exit code 0 when the preference was used and not leaked, 1 when not,
 * 2 for a bad flag.
 */
import {
  createAppLogger,
  DEMO_RECALL_BUDGET_MS,
  parseDemoWorkspace,
  refuseGatewayDemo,
  runCli,
} from "@automatos/app-runtime";
import { createAgentsApp } from "../create-agents.js";
import { formatPreferenceDemo } from "../demo/format-demo.js";
import { runPreferenceDemo } from "../demo/preference-demo.js";
import { loadAgentsEnv } from "../env.js";

runCli("agents demo", async () => {
  const flags = parseDemoWorkspace(process.argv.slice(2));
  if (!flags.ok) {
    process.stderr.write(`agents demo: ${flags.error}\n`);
    return 2;
  }
  const { workspaceId } = flags;
  const config = loadAgentsEnv();
  if (refuseGatewayDemo("agents demo", config.memory.kind)) return 2;
  // A cold engine's first searches can exceed the router's 150 ms default: the demo would show no memories.
  const demoConfig = { ...config, recallBudgetMs: config.recallBudgetMs ?? DEMO_RECALL_BUDGET_MS };
  const app = await createAgentsApp(demoConfig, { logger: createAppLogger("agents", "warn", "stderr") });
  try {
    const result = await runPreferenceDemo(app.runner, {
      first: { workspaceId, userId: "alice" },
      second: { workspaceId, userId: "bob" },
    });
    console.log(
      `agents demo in workspace ${workspaceId} (model: ${app.model.label}, memory: ${app.memory.mode})`,
    );
    for (const line of formatPreferenceDemo(result, { first: "alice", second: "bob" })) console.log(line);
    return result.preferenceUsed && !result.leakedToOtherUser && result.ruleShared ? 0 : 1;
  } finally {
    await app.close();
  }
});
