/**
 * @automatos/memory-gateway: serves the memory router over HTTP for remote and non-TypeScript callers,
 * verifies callers (service tokens + user JWTs), exposes /healthz and /metrics, and runs the outbox relay.
 */
export { ASSERTABLE } from "./auth/authenticate.js";
export type { AppName, GatewayConfig } from "./config.js";
export { GatewayConfigError, parseGatewayEnv } from "./env.js";
export type { HealthReport } from "./health.js";
export { TRPC_BASE_PATH } from "./http/server.js";
export type { GatewayMetrics } from "./observability/metrics.js";
export type { GatewayStack } from "./stack.js";
export { type RunningGateway, type StartGatewayOptions, startGateway } from "./start-gateway.js";
export { GatewayStartError } from "./startup-probe.js";
