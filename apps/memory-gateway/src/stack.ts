import { join, resolve } from "node:path";
import { MEM0_CLIENT_DEFAULTS } from "@automatos/mem0-client";
import {
  createMemoryStack,
  type MemoryEnv,
  type MemoryStack,
  type MemoryStackOptions,
  readReadyUnreachableMs,
} from "@automatos/memory/stack";
import type { Logger } from "pino";
import { Agent } from "undici";
import type { GatewayConfig } from "./config.js";
import { mem0TimingInterceptor } from "./observability/mem0-timing.js";
import type { GatewayMetrics } from "./observability/metrics.js";
import { probeMem0 } from "./startup-probe.js";

/** The memory stack the gateway serves, plus what only the gateway needs to know about it. */
export interface GatewayStack extends MemoryStack {
  mem0Mode: "embedded" | "remote";
  /** Closes the stack (relay first, then mem0 and the database), then the gateway's mem0 dispatcher. */
  close(): Promise<void>;
}

/** The gateway's validated configuration in the shape @automatos/memory's createMemoryStack takes. */
export function toMemoryEnv(config: GatewayConfig): MemoryEnv {
  const dataDir = resolve(config.dataDir);
  const m = config.mem0;
  return {
    mem0:
      m.kind === "remote"
        ? { mode: "remote", url: m.url, apiKey: m.apiKey, dialect: m.dialect }
        : {
            mode: "embedded",
            dataDir: join(dataDir, "mem0"),
            ...(m.embedder ? { embedder: definedOnly(m.embedder) } : {}),
            ...(m.llm ? { llm: definedOnly(m.llm) } : {}),
          },
    database: { dataDir: join(dataDir, "pg"), ...(config.databaseUrl ? { url: config.databaseUrl } : {}) },
    outboxRetentionHours: config.outboxRetentionHours,
    logLevel: config.logLevel,
  };
}

/**
 * Opens the shared memory stack (@automatos/memory/stack's createMemoryStack: database, mem0 — embedded unless
 * MEM0_API_URL — the mem0 client, the outbox and its relay, the legacy store when configured) with the gateway's own mem0 dispatcher, whose
 * interceptor times every exchange with mem0 for /metrics. Then probes mem0 once, so a wrong URL or key fails
 * at start with a fix instead of as 502s later.
 */
export async function openStack(
  config: GatewayConfig,
  deps: {
    logger: Logger;
    metrics: GatewayMetrics;
    /** Default: MEMORY_READY_UNREACHABLE_MS, else 10 s. */
    readyUnreachableMs?: number;
    embeddedSupervision?: MemoryStackOptions["embeddedSupervision"];
  },
): Promise<GatewayStack> {
  const agent = new Agent({
    connections: MEM0_CLIENT_DEFAULTS.connections,
    connect: { timeout: MEM0_CLIENT_DEFAULTS.connectMs },
    keepAliveTimeout: 10_000,
    keepAliveMaxTimeout: 60_000,
  });
  // Every exchange with mem0 (traffic, relay, the health check's ping) tells whether it is reachable, for
  // readiness; bound once the stack exists. A caller giving up (aborted) says nothing about mem0.
  let reachability: { noteAnswer(): void; noteFailure(): void } | null = null;
  const dispatcher = agent.compose(
    mem0TimingInterceptor((labels, s) => {
      deps.metrics.mem0Duration.observe(labels, s);
      if (labels.outcome === "ok" || labels.outcome === "4xx") reachability?.noteAnswer();
      else if (labels.outcome === "network_error" || labels.outcome === "5xx") reachability?.noteFailure();
    }),
  );
  const readyUnreachableMs = deps.readyUnreachableMs ?? readReadyUnreachableMs();
  let stack: MemoryStack;
  try {
    const env = toMemoryEnv(config);
    stack = await createMemoryStack({
      env: readyUnreachableMs ? { ...env, readyUnreachableMs } : env,
      ...(deps.embeddedSupervision ? { embeddedSupervision: deps.embeddedSupervision } : {}),
      logger: deps.logger,
      mem0Dispatcher: dispatcher,
      relay: { start: config.relay },
      // With a legacy store, writes follow each workspace's cutover mode and the relay mirrors legacy rows.
      ...(config.legacy ? { legacy: config.legacy } : {}),
    });
  } catch (err) {
    await agent.close();
    throw err;
  }
  const opened = stack;
  reachability = opened.mem0Reachability;
  const unsubscribe = stack.embedded?.supervision?.onRestart((r) =>
    deps.metrics.engineRestarts.inc({ cause: r.cause }),
  );
  const close = async () => {
    unsubscribe?.();
    await stack.close();
    await agent.close();
  };
  try {
    await probeMem0(stack.mem0, config.mem0.kind);
  } catch (err) {
    await close();
    throw err;
  }
  return { ...stack, mem0Mode: config.mem0.kind, close };
}

/** Drops keys whose value is undefined (the memory env's optional fields must be absent, not undefined). */
function definedOnly<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
