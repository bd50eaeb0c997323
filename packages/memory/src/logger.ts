/**
 * Structured logging with pino. The rule for every call site: ids, counts, timings and error kinds at info;
 * never message text, queries, memory text or secrets (those may appear at debug only, and secrets never).
 * The redact list is a second line of defence for fields that should never be logged anyway.
 */
import { pino } from "pino";

/** The subset of pino's logger the package uses, so callers may pass their own pino (or a child). */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

export const REDACT_PATHS = [
  "apiKey",
  "*.apiKey",
  "token",
  "*.token",
  "serviceToken",
  "userToken",
  "authorization",
  "*.authorization",
  "headers.authorization",
  'headers["x-user-token"]',
  'headers["x-api-key"]',
];

export function createLogger(options: { level?: string; name?: string } = {}): Logger {
  return pino({
    name: options.name ?? "memory",
    level: options.level ?? "info",
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
  });
}

/** A logger that drops everything (tests that do not look at logs). */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}

/**
 * A child logger created on first use. Every request gets a logger bound to its request id, but most
 * requests (search, get) never log at the configured level: creating a pino child per request is work on
 * the in-process hot path (P2) that is only worth doing when something is written.
 */
export function lazyChild(base: Logger, bindings: Record<string, unknown>): Logger {
  let child: Logger | undefined;
  const get = () => {
    child ??= base.child(bindings);
    return child;
  };
  return {
    debug: (obj, msg) => get().debug(obj, msg),
    info: (obj, msg) => get().info(obj, msg),
    warn: (obj, msg) => get().warn(obj, msg),
    error: (obj, msg) => get().error(obj, msg),
    child: (more) => get().child(more),
  };
}
