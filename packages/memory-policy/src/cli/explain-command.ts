import { Command, CommanderError } from "commander";
import { APP_NAMES } from "../principal.js";
import { explain, formatExplanation } from "./explain-format.js";

export interface CliOutcome {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Exit code for bad input (the conventional "usage error"), distinct from 1 = crashed. */
export const EXIT_USAGE = 2;

/** Principal field -> the flag that feeds it, so an error names what the user actually typed. */
export const FLAG_FOR_FIELD: Record<string, string> = {
  app: "--app",
  workspaceId: "--workspace",
  userId: "--user",
  agentId: "--agent",
  runId: "--run",
};

function buildCommand(out: string[], errOut: string[]): Command {
  return new Command("policy:explain")
    .description("Print the scopes and mem0 ids a principal resolves to (read and write).")
    .option("--app <app>", `calling app (required): ${APP_NAMES.join(" | ")}`)
    .option("--workspace <id>", "verified workspace id (required)")
    .option("--user <id>", "verified user id (required)")
    .option("--agent <id>", "agent the app acts for")
    .option("--run <id>", "workflow run the app acts for")
    .option("--json", "print the explanation as JSON")
    .exitOverride()
    .configureOutput({ writeOut: (s) => void out.push(s), writeErr: (s) => void errOut.push(s) });
}

/**
 * The whole CLI as a function of its arguments (no process access), so it is tested directly. Usage errors
 * (unknown flag, bad id, missing flag) exit with 2 and a message naming the flag.
 */
export function runExplain(argv: readonly string[]): CliOutcome {
  const out: string[] = [];
  const errOut: string[] = [];
  const command = buildCommand(out, errOut);
  try {
    command.parse([...argv], { from: "user" });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    const exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE;
    return { exitCode, stdout: out.join(""), stderr: errOut.join("") };
  }
  const opts = command.opts<{
    app?: string;
    workspace?: string;
    user?: string;
    agent?: string;
    run?: string;
    json?: boolean;
  }>();
  const result = explain({
    app: opts.app,
    workspaceId: opts.workspace,
    userId: opts.user,
    ...(opts.agent === undefined ? {} : { agentId: opts.agent }),
    ...(opts.run === undefined ? {} : { runId: opts.run }),
  });
  if (!result.ok) {
    const flag = FLAG_FOR_FIELD[result.error.field ?? ""] ?? result.error.field ?? "input";
    return { exitCode: EXIT_USAGE, stdout: "", stderr: `error: ${flag}: ${result.error.message}\n` };
  }
  const text = opts.json ? JSON.stringify(result.value, null, 2) : formatExplanation(result.value);
  return { exitCode: 0, stdout: `${text}\n`, stderr: "" };
}
