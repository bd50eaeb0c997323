/**
 * `pnpm migrate:legacy`: legacy memory_items -> mem0 backfill, verification and per-workspace cutover.
 * See the package README for examples. Exit code 0 = done, 1 = incomplete / failed / refused, 2 = usage
 * or configuration error.
 */
import { Command, Option } from "commander";
import { readMigrationEnv } from "../env.js";
import { runAction, setModeAction, statusAction, verifyAction } from "./commands.js";
import { openConnections } from "./connections.js";
import { actionOf, type CliOptions, intIn, numberIn, oneOf, onOff, uuidFlag } from "./options.js";

const program = new Command()
  .name("migrate:legacy")
  .description("Move legacy Automatos memories (memory_items) into mem0: backfill, verify, cut over.")
  .option("--dry-run", "decide every row and report, write nothing")
  .option("--run", "migrate from the start of the table (rows already in the ledger are skipped)")
  .option("--resume", "retry failed / in-flight rows, then continue after the last checkpoint")
  .option("--verify", "per workspace: legacy eligible vs mem0 present by legacy_id, shadow search overlap")
  .option("--status", "ledger totals, checkpoints and workspace modes")
  .addOption(
    new Option("--set-mode <mode>", "set a workspace's memory mode").choices(["legacy", "dual", "mem0"]),
  )
  .option("--workspace <uuid>", "only this workspace", uuidFlag("--workspace"))
  .option("--concurrency <n>", "mem0 writes in flight", intIn("--concurrency", 1, 256), 8)
  .option("--rate <rows/s>", "maximum rows sent per second", numberIn("--rate", 0.1, 1_000_000))
  .option(
    "--page-size <n>",
    "legacy rows per page (and per checkpoint)",
    intIn("--page-size", 1, 10_000),
    500,
  )
  .option("--infer <on|off>", "mem0 fact extraction on add", onOff, true)
  .addOption(
    new Option("--workflow-scope <scope>", "mem0 scope of workflow rows")
      .choices(["agent", "run"])
      .default("agent")
      .argParser(oneOf("--workflow-scope", ["agent", "run"] as const)),
  )
  .option(
    "--default-workspace <uuid>",
    "workspace for rows that have none (else quarantined)",
    uuidFlag("--default-workspace"),
  )
  .option(
    "--add-timeout-ms <ms>",
    "deadline of one mem0 add",
    intIn("--add-timeout-ms", 100, 600_000),
    60_000,
  )
  .option(
    "--max-consecutive-failures <n>",
    "stop (resumable) after this many failed adds in a row",
    intIn("--max-consecutive-failures", 1, 1_000_000),
    50,
  )
  .option(
    "--sample-queries <n>",
    "verify: shadow queries per workspace",
    intIn("--sample-queries", 0, 1000),
    10,
  )
  .option("--top-k <k>", "verify: results compared per query", intIn("--top-k", 1, 100), 5)
  .option(
    "--min-overlap <x>",
    "verify: mean top-k overlap required to pass",
    numberIn("--min-overlap", 0, 1),
    0.5,
  )
  .option("--report-json <file>", "also write the report as JSON")
  .option("--no-progress", "no progress bar")
  .option("--legacy-url <url>", "legacy Postgres (default LEGACY_DATABASE_URL)")
  .option("--database-url <url>", "ledger database (default DATABASE_URL, else PGlite under .data/pg)")
  .option("--mem0-url <url>", "mem0 base URL (default MEM0_API_URL)")
  .option("--updated-by <who>", "recorded with --set-mode", "migrate:legacy")
  .showHelpAfterError()
  // Usage errors exit 2 (commander's default is 1, which this CLI reserves for "incomplete"); --help exits 0.
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));

async function main(): Promise<number> {
  program.parse();
  const o = program.opts<CliOptions>();
  const action = (() => {
    try {
      return actionOf(o);
    } catch (err) {
      return program.error((err as Error).message, { exitCode: 2 });
    }
  })();
  const env = readMigrationEnv();
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write("\nstopping after the current page (again to quit now)...\n");
    controller.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  const c = await openConnections(action, o, env);
  try {
    switch (action) {
      case "status":
        return await statusAction(o, c.database!.db);
      case "set-mode":
        return await setModeAction(o, c.database!.db);
      case "verify":
        return await verifyAction(o, c);
      default:
        return await runAction(action, o, c, controller.signal);
    }
  } finally {
    await c.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`migrate:legacy: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  },
);
