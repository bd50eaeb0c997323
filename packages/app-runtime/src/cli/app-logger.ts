/**
 * The apps' pino logger; the redaction list is a second line of defence (secrets are never logged on purpose). Servers log JSON to stdout; terminal
 * programs log to stderr so their stdout stays the conversation or the transcript.
 */
import type { Logger } from "@automatos/memory/client";
import { pino } from "pino";
import type { LogLevel } from "../config/env-fields.js";

const REDACT = [
  "apiKey",
  "*.apiKey",
  "token",
  "*.token",
  "userToken",
  "serviceToken",
  "authorization",
  "*.authorization",
];

export function createAppLogger(
  name: string,
  level: LogLevel,
  stream: "stdout" | "stderr" = "stdout",
): Logger {
  return pino(
    { name, level, redact: { paths: REDACT, censor: "[redacted]" } },
    pino.destination({ fd: stream === "stdout" ? 1 : 2, sync: true }),
  );
}
