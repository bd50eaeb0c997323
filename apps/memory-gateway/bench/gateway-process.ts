/**
 * The gateway in its own process, for benchmarks: argv[2] is a JSON record of gateway variables (validated by
 * the same parseGatewayEnv as production), the URL is reported over IPC, SIGTERM closes it gracefully.
 * Logs go to a file (argv[3]) at info level, so their cost is measured but they do not flood the terminal.
 * The message "cpu-usage" is answered with `{ cpuUsage: process.cpuUsage() }` (gateway-overhead.ts).
 */
import { pino } from "pino";
import { parseGatewayEnv } from "../src/env.js";
import { createGatewayLogger } from "../src/observability/logger.js";
import { startGateway } from "../src/start-gateway.js";

const vars = JSON.parse(process.argv[2] ?? "{}") as Record<string, string>;
const logFile = process.argv[3];
const config = parseGatewayEnv(vars);
const logger = createGatewayLogger(
  config.logLevel,
  logFile ? pino.destination({ dest: logFile, minLength: 4096, sync: false }) : undefined,
);
// startGateway returns once its start-up lines (the warm-up's among them) are written out (flushLogs), so
// the bench can read them as soon as it hears the URL (bench/gateway-warm-up-log.ts).
const gateway = await startGateway({ config, logger });
process.send?.({ url: gateway.url });
// The bench reads this process's own CPU time (process.cpuUsage) around a fixed number of calls.
process.on("message", (m) => {
  if (m === "cpu-usage") process.send?.({ cpuUsage: process.cpuUsage() });
});
const stop = () => {
  gateway.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on("SIGTERM", stop);
process.on("disconnect", stop);
