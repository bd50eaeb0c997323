import type { Server } from "node:http";
import { appRouter } from "@automatos/memory/server";
import { toMem0Ids } from "@automatos/memory-policy";
import type { Logger } from "pino";
import { type Authenticator, createAuthenticator } from "./auth/authenticate.js";
import { createServiceTokenVerifier } from "./auth/service-tokens.js";
import { createUserTokenVerifier } from "./auth/user-token.js";
import type { GatewayConfig } from "./config.js";
import { checkHealth } from "./health.js";
import { listen } from "./http/listen.js";
import { createGatewayServer } from "./http/server.js";
import { createGatewayLogger, flushLogs } from "./observability/logger.js";
import { createGatewayMetrics, type GatewayMetrics } from "./observability/metrics.js";
import { type GatewayStack, openStack } from "./stack.js";
import { warmUpSkipReason } from "./warm-up/warm-up-applies.js";
import { WARM_UP_USER } from "./warm-up/warm-up-credentials.js";
import { warmUpGateway } from "./warm-up/warm-up-gateway.js";

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
  const metricSources = {
    outboxStats: async () => (stack ? stack.outbox.stats() : null),
    breakerState: () => stack?.mem0.breakerState() ?? "closed",
    mem0UnreachableMs: () => stack?.mem0Reachability.status().unreachableForMs ?? null,
  };
  const metrics = createGatewayMetrics(metricSources, { defaultMetrics: options.defaultMetrics ?? true });
  const opened = await openStack(config, {
    logger,
    metrics,
    ...(options.readyUnreachableMs ? { readyUnreachableMs: options.readyUnreachableMs } : {}),
    ...(options.embeddedSupervision ? { embeddedSupervision: options.embeddedSupervision } : {}),
  });
  stack = opened;

  // One server builder for the public port and the start-up warm-up's loopback one: the same code to warm.
  const serve = (authenticator: Authenticator, m: GatewayMetrics, log: Logger, routerLog?: Logger) => {
    const built = createGatewayServer({
      router: appRouter,
      authenticator,
      metrics: m,
      logger: log,
      maxBodyBytes: config.limits.maxBodyBytes,
      metricsToken: config.metricsToken,
      // The stack binds the request id into the router's logger and hands it to mem0 as X-Request-ID.
      createContext: ({ principal, requestId }) =>
        opened.createContext(principal, routerLog ? { requestId, logger: routerLog } : { requestId }),
      health: () =>
        checkHealth({
          pingMem0: () => opened.mem0.ping({ timeoutMs: 1_500 }),
          breakerState: () => opened.mem0.breakerState(),
          mem0Reachability: () => opened.mem0Reachability.status(),
          engine: () => opened.embedded?.supervision?.status() ?? null,
          outboxStats: () => opened.outbox.stats(),
          dbKind: opened.database.kind,
          relayRunning: () => opened.relay.isRunning(),
          draining: () => built.drain.draining,
        }),
    });
    return built;
  };

  await warmUp(config, opened, logger, (authenticator) => {
    // Its own metrics and quiet loggers: the warm-up's turns are not traffic to count or log (a cold
    // stack degrades some of them, which is what the warm-up is for). Errors still reach the log.
    const quiet = logger.child({ warmUp: true }, { level: "error" });
    const ownMetrics = createGatewayMetrics(metricSources, { defaultMetrics: false });
    return serve(authenticator, ownMetrics, quiet, quiet).server;
  });

  const { server, drain } = serve(
    createAuthenticator({
      serviceTokens: createServiceTokenVerifier(config.auth.serviceTokens),
      userTokens: createUserTokenVerifier(config.auth.jwt),
    }),
    metrics,
    logger,
  );

  const { address, port, family } = await listen(server, config.port, config.host).catch(async (err) => {
    await opened.close();
    throw err;
  });
  const url = `http://${family === "IPv6" ? `[${address}]` : address}:${port}`;
  logger.info(
    { url, mem0: opened.mem0Mode, db: opened.database.kind, relay: !!opened.relay },
    "gateway listening",
  );
  await flushLogs(logger); // lifecycle lines must not wait in the buffer for request traffic

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      const t0 = Date.now();
      const { drained, cut } = await drain.close(server, config.limits.shutdownGraceMs);
      await opened.close();
      logger.info({ drained, cut, ms: Date.now() - t0 }, "gateway stopped");
      await flushLogs(logger);
    })();
    return closing;
  };
  return { url, close, stack: opened, metrics };
}

async function warmUp(
  config: GatewayConfig,
  stack: GatewayStack,
  logger: Logger,
  serve: (authenticator: Authenticator) => Server,
): Promise<void> {
  const skip = warmUpSkipReason(config);
  if (skip) {
    logger.info({ reason: skip }, "warm-up skipped");
    return;
  }
  try {
    const report = await warmUpGateway(
      {
        serve,
        stored: async (workspaceId, atMost) => {
          const { user_id } = toMem0Ids({ kind: "user", workspaceId, userId: WARM_UP_USER });
          return (await stack.mem0.getAll({ userId: user_id as string, topK: atMost })).length;
        },
      },
      { turns: config.warmUp.turns, concurrency: WARM_UP_CONCURRENCY, budgetMs: WARM_UP_BUDGET_MS },
    );
    const ok = report.stoppedBy === null && report.forgotten;
    logger[ok ? "info" : "warn"](report, "warm-up done");
  } catch (err) {
    // A warm-up that cannot even start (no loopback port) costs the first users their speed, not the start.
    logger.warn({ err: err instanceof Error ? err.message : String(err) }, "warm-up failed");
  }
}

/** Turns in flight during the warm-up: P11's users at 100 keep about this many recalls and adds in flight. */
const WARM_UP_CONCURRENCY = 16;
/** Longest the warm-up may delay the start; a slow machine starts colder rather than later. */
const WARM_UP_BUDGET_MS = 30_000;
