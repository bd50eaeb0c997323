import { type DestinationStream, type Logger, pino } from "pino";

/**
 * Structured JSON logs. Policy (architecture §9): no message text and no secret at info level. The gateway
 * only ever logs metadata it chose (request id, route, procedures, status, duration, app); as a second line of
 * defence, anything that looks like a credential or a memory body is redacted wherever it appears.
 */
/**
 * The default destination: stdout through a 4 KiB buffer. One write(2) per request line was ~8% of the
 * gateway's CPU under load; buffering batches them. The buffer is flushed when the gateway closes (main.ts
 * exits only after that), so a graceful stop loses nothing; a crash may lose the last few lines.
 */
export function bufferedStdout(): DestinationStream {
  return pino.destination({ dest: 1, minLength: 4096, sync: false });
}

/** Keys whose values never reach a log line, at the top level or one level down under any key. */
export const REDACTED_KEYS: readonly string[] = [
  "authorization",
  "headers",
  "token",
  "userToken",
  "apiKey",
  "secret",
  "messages",
  "query",
  "input",
];
export const REDACTED_CENSOR = "[redacted]";

/**
 * The redaction rule as pino's own `redact` paths: `key` and `*.key` for every redacted key. The gateway's
 * logger applies the same rule more cheaply (see below); logger.test.ts checks that its lines are these.
 */
export const REDACT_PATHS: readonly string[] = REDACTED_KEYS.flatMap((k) => [k, `*.${k}`]);

export function createGatewayLogger(
  level: string,
  destination: DestinationStream = bufferedStdout(),
): Logger {
  const logger = pino(
    {
      level,
      base: { service: "memory-gateway" },
      // `*.key` paths in pino's redact run their redactor on every value of every line (~8 us of a recall's
      // ~10 us line); one level down is looked at here instead, in the record (formatters.log) and in a
      // child's bindings (child, below). pino keeps what is cheap for it: top-level keys (a redactor only
      // when the key is there) and `err.key`, since an error is serialized after the formatter runs.
      redact: {
        paths: [...REDACTED_KEYS, ...REDACTED_KEYS.map((k) => `err.${k}`)],
        censor: REDACTED_CENSOR,
      },
      formatters: { log: redactOneLevelDown },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
  // Children are created from their parent's prototype chain, so every descendant inherits this child().
  const child = logger.child;
  logger.child = function redactedChild(this: Logger, bindings, options) {
    return child.call(this, redactOneLevelDown(bindings), options);
  } as Logger["child"];
  return logger;
}

const REDACTED = new Set(REDACTED_KEYS);
const hasOwn = Object.prototype.hasOwnProperty;

/**
 * `record` with every redacted key one level down (`*.key`) censored, except under `err` (serialized later,
 * redacted by pino) and under keys censored whole. Returns `record` itself when nothing is censored; never
 * mutates what the caller logged.
 */
export function redactOneLevelDown<T extends Record<string, unknown>>(record: T): T {
  let out: Record<string, unknown> | null = null;
  for (const key in record) {
    if (!hasOwn.call(record, key) || key === "err" || REDACTED.has(key)) continue;
    const value: unknown = record[key];
    if (typeof value !== "object" || value === null) continue;
    let inner: Record<string, unknown> | null = null;
    for (const k of REDACTED_KEYS) {
      if (!hasOwn.call(value, k)) continue; // present but undefined is censored too, as pino's redact does
      inner ??= (Array.isArray(value) ? Object.assign([], value) : { ...value }) as Record<string, unknown>;
      inner[k] = REDACTED_CENSOR;
    }
    if (inner) {
      out ??= { ...record };
      out[key] = inner;
    }
  }
  return (out ?? record) as T;
}

/**
 * Writes out everything the logger holds and resolves once it is written. pino's `flush` on the buffered
 * destination (sonic-boom 4) leaves the buffer's tail unwritten when it arrives during a write in flight:
 * that write's end writes again only past `minLength`. So the first flush waits for any write in flight and
 * the second, with nothing in flight, writes the rest. (Seen in CI: the "gateway listening" line stayed in
 * the buffer while the start-up warm-up's lines were being written.)
 */
export async function flushLogs(logger: Logger): Promise<void> {
  await new Promise<void>((resolve) => logger.flush(() => resolve()));
  await new Promise<void>((resolve) => logger.flush(() => resolve()));
}
