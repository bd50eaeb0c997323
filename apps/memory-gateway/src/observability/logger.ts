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

export function createGatewayLogger(
  level: string,
  destination: DestinationStream = bufferedStdout(),
): Logger {
  return pino(
    {
      level,
      base: { service: "memory-gateway" },
      redact: {
        paths: [
          "authorization",
          "*.authorization",
          "headers",
          "*.headers",
          "token",
          "*.token",
          "userToken",
          "*.userToken",
          "apiKey",
          "*.apiKey",
          "secret",
          "*.secret",
          "messages",
          "*.messages",
          "query",
          "*.query",
          "input",
          "*.input",
        ],
        censor: "[redacted]",
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
