import { type DestinationStream, type Logger, pino } from "pino";

/**
 * Structured JSON logs. Policy (architecture §9): no message text and no secret at info level. The gateway
 * only ever logs metadata it chose (request id, route, procedures, status, duration, app); as a second line of
 * defence, anything that looks like a credential or a memory body is redacted wherever it appears.
 */
export function createGatewayLogger(level: string, destination?: DestinationStream): Logger {
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
