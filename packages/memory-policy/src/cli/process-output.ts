import type { CliOutcome } from "./explain-command.js";

/**
 * Writes a CLI outcome to the real process streams. A closed pipe (`policy:explain | head -3`) is the
 * reader's choice, not our failure: end quietly with the outcome's code instead of a stack trace.
 */
export function emitOutcome(outcome: CliOutcome): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
      process.exit(outcome.exitCode);
    });
  }
  process.stdout.write(outcome.stdout);
  process.stderr.write(outcome.stderr);
  process.exitCode = outcome.exitCode;
}
