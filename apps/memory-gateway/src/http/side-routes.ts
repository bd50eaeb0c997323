import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import type { HealthReport } from "../health.js";
import type { GatewayMetrics } from "../observability/metrics.js";
import { writeJson } from "./responses.js";
import { secretMatches } from "./secret-matches.js";
import { procedureLabel } from "./trpc-path.js";

/** What the side routes need (a subset of the server's dependencies). */
interface SideRouteDeps {
  health: () => Promise<HealthReport>;
  metrics: GatewayMetrics;
  logger: Logger;
  metricsToken?: string | undefined;
  /** True when the server is bound to a loopback address only (read when a request comes in). */
  loopbackOnly: () => boolean;
}

/** `/healthz`: 200 when ready, 503 otherwise; a failing check never throws out of here. */
export async function serveHealth(
  deps: Pick<SideRouteDeps, "health" | "logger">,
  res: ServerResponse,
): Promise<void> {
  try {
    const report = await deps.health();
    writeJson(res, report.ready ? 200 : 503, report);
  } catch (err) {
    deps.logger.error({ err: (err as Error).name }, "health check failed");
    writeJson(res, 503, { status: "unready", live: true, ready: false });
  }
}

/**
 * `/metrics`: Prometheus text. With GATEWAY_METRICS_TOKEN set, only for `Authorization: Bearer <token>`.
 * Without it, only while the gateway listens on loopback alone: bound to a wider address, the figures
 * (traffic, auth failures, outbox depth) would be open to anyone who reaches the port, so 403 until a token
 * is configured. Decided by the bound address, not the caller's: a loopback caller of a gateway bound to
 * 0.0.0.0 is refused too, so a local check cannot hide the exposure.
 */
export async function serveMetrics(
  deps: SideRouteDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (deps.metricsToken) {
    if (!secretMatches(req.headers.authorization, `Bearer ${deps.metricsToken}`)) {
      res.setHeader("www-authenticate", "Bearer");
      return writeJson(res, 401, { error: "unauthorized" });
    }
  } else if (!deps.loopbackOnly()) {
    return writeJson(res, 403, {
      error: "metrics are not served beyond loopback without GATEWAY_METRICS_TOKEN",
    });
  }
  try {
    const text = await deps.metrics.registry.metrics();
    res.statusCode = 200;
    res.setHeader("content-type", deps.metrics.registry.contentType);
    res.end(text);
  } catch (err) {
    deps.logger.error({ err: (err as Error).name }, "metrics collection failed");
    writeJson(res, 500, { error: "metrics unavailable" });
  }
}

/** Counts and times each procedure of a finished tRPC request, with its outcome from onError. */
export function recordProcedures(
  metrics: GatewayMetrics,
  paths: string[],
  failures: { path: string; code: string }[],
  known: ReadonlySet<string>,
  ms: number,
): void {
  const pending = [...failures];
  for (const path of paths) {
    const label = procedureLabel(path, known);
    const i = pending.findIndex((f) => f.path === path);
    const outcome = i >= 0 ? (pending.splice(i, 1)[0]?.code ?? "ok") : "ok";
    metrics.procedureCalls.inc({ procedure: label, outcome });
    metrics.procedureDuration.observe({ procedure: label }, ms / 1000);
  }
}
