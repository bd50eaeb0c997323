import type { AddressInfo } from "node:net";
import { appRouter } from "@automatos/memory/server";
import type { Logger } from "pino";
import { createAuthenticator } from "./auth/authenticate.js";
import { createServiceTokenVerifier } from "./auth/service-tokens.js";
import { createUserTokenVerifier } from "./auth/user-token.js";
import type { GatewayConfig } from "./config.js";
import { checkHealth } from "./health.js";
import { createGatewayServer } from "./http/server.js";
import { createGatewayLogger } from "./observability/logger.js";
import { createGatewayMetrics, type GatewayMetrics } from "./observability/metrics.js";
import { type GatewayStack, openStack } from "./stack.js";

type StackDeps = Parameters<typeof openStack>[1];

export interface StartGatewayOptions {
  /** Validated configuration: `loadGatewayEnv()` in main.ts, `parseGatewayEnv({...})` in tests. */
  config: GatewayConfig;
  /** Default: pino JSON on stdout at `config.logLevel`. */
  logger?: Logger;
  /** Node process metrics (event loop lag, GC, memory) on /metrics; default true. */
  defaultMetrics?: boolean;
  /** Readiness grace for an unreachable mem0; default MEMORY_READY_UNREACHABLE_MS, else 10 s. */
  readyUnreachableMs?: number;
  /** The embedded engine's supervision (probe period, backoff); tests shorten it. */
  embeddedSupervision?: StackDeps["embeddedSupervision"];
}

export interface RunningGateway {
  /** Base URL, e.g. http://127.0.0.1:4000 (the router is under `${url}/trpc`). */
  url: string;
  /** Stops accepting, drains in-flight requests (bounded), stops the relay, closes mem0 and the database. */
  close(): Promise<void>;
  stack: GatewayStack;
  metrics: GatewayMetrics;
}

/** Starts the memory gateway: opens the stack, then serves HTTP. Used by main.ts, tests and benchmarks. */
export async function startGateway(options: StartGatewayOptions): Promise<RunningGateway> {
  const { config } = options;
  const logger = options.logger ?? createGatewayLogger(config.logLevel);
  let stack: GatewayStack | null = null;
  const metrics = createGatewayMetrics(
    {
      outboxStats: async () => (stack ? stack.outbox.stats() : null),
      breakerState: () => stack?.mem0.breakerState() ?? "closed",
      mem0UnreachableMs: () => stack?.mem0Reachability.status().unreachableForMs ?? null,
    },
    { defaultMetrics: options.defaultMetrics ?? true },
  );
  const opened = await openStack(config, {
    logger,
    metrics,
    ...(options.readyUnreachableMs ? { readyUnreachableMs: options.readyUnreachableMs } : {}),
    ...(options.embeddedSupervision ? { embeddedSupervision: options.embeddedSupervision } : {}),
  });
  stack = opened;

  const authenticator = createAuthenticator({
    serviceTokens: createServiceTokenVerifier(config.auth.serviceTokens),
    userTokens: createUserTokenVerifier(config.auth.jwt),
  });
  const { server, drain } = createGatewayServer({
    router: appRouter,
    authenticator,
    metrics,
    logger,
    maxBodyBytes: config.limits.maxBodyBytes,
    metricsToken: config.metricsToken,
    // The stack binds the request id into the router's logger and hands it to mem0 as X-Request-ID.
    createContext: ({ principal, requestId }) => opened.createContext(principal, { requestId }),
    health: () =>
      checkHealth({
        pingMem0: () => opened.mem0.ping({ timeoutMs: 1_500 }),
        breakerState: () => opened.mem0.breakerState(),
        mem0Reachability: () => opened.mem0Reachability.status(),
        engine: () => opened.embedded?.supervision?.status() ?? null,
        outboxStats: () => opened.outbox.stats(),
        dbKind: opened.database.kind,
        relayRunning: () => opened.relay.isRunning(),
        draining: () => drain.draining,
      }),
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(config.port, config.host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (err) {
    await opened.close();
    throw err;
  }
  const { port, address, family } = server.address() as AddressInfo;
  const url = `http://${family === "IPv6" ? `[${address}]` : address}:${port}`;
  logger.info(
    { url, mem0: opened.mem0Mode, db: opened.database.kind, relay: !!opened.relay },
    "gateway listening",
  );
  logger.flush(); // lifecycle lines must not wait in the buffer for request traffic

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      const t0 = Date.now();
      const { drained, cut } = await drain.close(server, config.limits.shutdownGraceMs);
      await opened.close();
      logger.info({ drained, cut, ms: Date.now() - t0 }, "gateway stopped");
      await new Promise<void>((resolve) => logger.flush(() => resolve()));
    })();
    return closing;
  };
  return { url, close, stack: opened, metrics };
}
