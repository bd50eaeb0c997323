/**
 * The entry-point wrapper of the apps' commands: runs `main`, exits with its code, and prints a failure as
 * one clean message (a ConfigError as it is: it already names the variables and what to run).
 */
import { isConfigError } from "../config/config-error.js";

export function runCli(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(
        `${isConfigError(e) ? e.message : `${name}: ${e instanceof Error ? e.message : String(e)}`}\n`,
      );
      process.exit(1);
    },
  );
}

/** The demos' recall budget unless MEMORY_RECALL_BUDGET_MS is set (the main job uses the same figure). */
export const DEMO_RECALL_BUDGET_MS = 2_000;

/** The demos sign no user tokens, so they cannot call memory through the gateway. */
export function refuseGatewayDemo(name: string, mode: "gateway" | "in-process"): boolean {
  if (mode !== "gateway") return false;
  process.stderr.write(
    `${name}: it signs no user tokens, so it runs in process only (unset MEMORY_GATEWAY_URL)\n`,
  );
  return true;
}
