/**
 * createMemoryStack: the ready-to-use server side of the memory API, shared by the apps (in-process link) and
 * the gateway. It opens the database (PGlite under MEMORY_DATA_DIR/pg, or DATABASE_URL) and the mem0
 * endpoint (an embedded mem0 under MEMORY_DATA_DIR/mem0, or MEM0_API_URL) side by side, then the mem0 client, the outbox and
 * its relay; `close()` releases them in reverse order after the relay has settled in-flight deliveries.
 */
import {
  createDb,
  createOutbox,
  createOutboxMaintenance,
  createRelay,
  type Database,
  type Outbox,
  type OutboxMaintenance,
  type OutboxMaintenanceOptions,
  type Relay,
  type RelayOptions,
} from "@automatos/db";
import { createMem0Client, type Mem0Client, type Mem0ClientOptions } from "@automatos/mem0-client";
import {
  type ProcessModel,
  type StartedEmbeddedMem0,
  type SupervisionOptions,
  startEmbeddedMem0,
} from "@automatos/mem0-embedded";
import { createLegacyMirror, openLegacyDb } from "@automatos/memory-migration";
import type { Principal } from "@automatos/memory-policy";
import type { Dispatcher } from "undici";
import { type MemoryConfig, type MemoryConfigInput, resolveConfig } from "../config.js";
import { createInnerContext, type InnerContext } from "../context.js";
import type { MemoryMode } from "../cutover/ports.js";
import { type MemoryEnv, OUTBOX_RETENTION_HOURS, readMemoryEnv } from "../env.js";
import { createLogger, type Logger } from "../logger.js";
import {
  createMem0Reachability,
  DEFAULT_READY_UNREACHABLE_MS,
  type Mem0Reachability,
} from "../mem0-reachability.js";
import { type AppRouter, appRouter } from "../root.js";
import { type CutoverOptions, createCutover } from "./cutover/create-cutover.js";
import { mirroringWriter } from "./cutover/mirroring-writer.js";
import { createReadPressure, type ReadPressure } from "./read-pressure.js";

export interface MemoryStackOptions {
  /** Validated environment (default: readMemoryEnv() from process.env). */
  env?: MemoryEnv;
  config?: MemoryConfigInput;
  logger?: Logger;
  /** Extra mem0 client options (timeouts, retry, breaker); baseUrl/apiKey/dialect come from env. */
  mem0Client?: Omit<Mem0ClientOptions, "baseUrl" | "apiKey" | "dialect">;
  /** A dispatcher for the mem0 client (e.g. a counting interceptor in tests). */
  mem0Dispatcher?: Dispatcher;
  /** Embedded mem0's process model (default: its own default, a child process). */
  embeddedProcessModel?: ProcessModel;
  /** Supervision of the embedded engine's child (probe period, restart backoff); the logger is the stack's. */
  embeddedSupervision?: Omit<SupervisionOptions, "logger">;
  /** Relay options; `start: false` leaves delivery to the caller (drainOnce in tests, a separate worker). */
  relay?: Partial<Omit<RelayOptions, "db" | "mem0" | "logger">> & { start?: boolean };
  /**
   * The outbox's housekeeping (purge past the retention, vacuum on PGlite): runs when the relay does, in
   * the process that delivers the outbox. Tests shorten its interval here.
   */
  outboxMaintenance?: Partial<Pick<OutboxMaintenanceOptions, "intervalMs" | "batchSize" | "pauseMs">>;
  /**
   * The legacy store (LEGACY_DATABASE_URL): the stack opens it with @automatos/memory-migration, mirrors
   * writes into it per workspace cutover mode, and closes it last.
   */
  legacy?: LegacyStoreOptions;
  /** The cutover over a legacy mirror the caller built (tests inject faults here); `legacy` is the usual way. */
  cutover?: CutoverOptions;
}

export interface LegacyStoreOptions {
  /** The legacy PostgreSQL URL. */
  url: string;
  /** How long a workspace's mode is cached; a switch takes effect within this (default 5,000 ms). */
  modeCacheMs?: number;
  /** The mode of a workspace without a row (default `legacy`). */
  defaultMode?: MemoryMode;
}

export interface MemoryStack {
  /** The router this stack serves; an in-process client runs its procedures (`createMemoryClient({ inProcess })`). */
  router: AppRouter;
  mem0: Mem0Client;
  database: Database;
  outbox: Outbox;
  relay: Relay;
  /** Purges delivered jobs past MEMORY_OUTBOX_RETENTION_HOURS on a timer while the relay runs (`runOnce` for one pass now). */
  outboxMaintenance: OutboxMaintenance;
  /** The embedded mem0 when MEM0_API_URL is unset, else null; `supervision` has its restart count and last exit. */
  embedded: StartedEmbeddedMem0 | null;
  /**
   * Whether mem0 (embedded or remote) answers; readiness follows it (MEMORY_READY_UNREACHABLE_MS). The host
   * feeds it (`noteAnswer`/`noteFailure`) from its mem0 dispatcher: see `mem0Dispatcher`.
   */
  mem0Reachability: Mem0Reachability;
  config: MemoryConfig;
  logger: Logger;
  /**
   * An inner context for one request by `principal` (verified by the caller). `logger` replaces the stack's
   * for that request (the gateway's start-up warm-up keeps its synthetic turns out of the log).
   */
  createContext(
    principal: Principal | null,
    options?: { requestId?: string; logger?: Logger },
  ): Promise<InnerContext>;
  close(): Promise<void>;
}

/** How often the relay looks for due jobs when nothing woke it, on the embedded database. */
const EMBEDDED_DB_IDLE_POLL_MS = 1_000;
/** The mem0 client's breaker cool-down in front of the supervised embedded engine. */
const EMBEDDED_HALF_OPEN_AFTER_MS = 1_000;

export async function createMemoryStack(options: MemoryStackOptions = {}): Promise<MemoryStack> {
  const env = options.env ?? readMemoryEnv();
  const logger = options.logger ?? createLogger({ level: env.logLevel });
  const cleanup: (() => Promise<void>)[] = [];
  const closeAll = async () => {
    for (const fn of cleanup.splice(0).reverse())
      await fn().catch((e) => logger.error({ err: (e as Error).name }, "close failed"));
  };
  try {
    const cutoverOptions = options.legacy ? await openLegacy(options.legacy, cleanup) : options.cutover;
    // The database and the embedded mem0 are independent: open them side by side (each takes seconds cold:
    // PGlite's WASM boot, mem0's engine in its child process). If one fails, the other is still closed.
    const [opened, started] = await Promise.allSettled([
      createDb(env.database.url ? { url: env.database.url } : { dataDir: env.database.dataDir }),
      env.mem0.mode === "embedded"
        ? startEmbeddedMem0(
            {
              dataDir: env.mem0.dataDir,
              ...(env.mem0.embedder ? { embedder: env.mem0.embedder } : {}),
              ...(env.mem0.llm ? { llm: env.mem0.llm } : {}),
              ...(options.embeddedProcessModel ? { processModel: options.embeddedProcessModel } : {}),
            },
            { ...options.embeddedSupervision, logger: logger.child({ component: "mem0-engine" }) },
          )
        : Promise.resolve(null),
    ]);
    if (opened.status === "fulfilled") cleanup.push(() => opened.value.close());
    if (started.status === "fulfilled" && started.value) {
      const value = started.value;
      cleanup.push(() => value.close());
    }
    if (opened.status === "rejected") throw opened.reason;
    if (started.status === "rejected") throw started.reason;
    const database = opened.value;
    const embedded: StartedEmbeddedMem0 | null = started.value;

    let target: { baseUrl: string; apiKey?: string; dialect: "server" | "platform" };
    if (embedded) {
      target = { baseUrl: embedded.url, apiKey: embedded.apiKey, dialect: "server" };
    } else if (env.mem0.mode !== "embedded") {
      target = {
        baseUrl: env.mem0.url,
        dialect: env.mem0.dialect,
        ...(env.mem0.apiKey ? { apiKey: env.mem0.apiKey } : {}),
      };
    } else {
      throw new Error("embedded mem0 did not start");
    }

    const mem0 = createMem0Client({
      ...options.mem0Client,
      // The embedded engine is on loopback and supervised: a refused connection costs nothing, and after a
      // restart the breaker should let traffic through within a second, not after the default 5 s.
      ...(embedded?.supervision
        ? { breaker: { halfOpenAfterMs: EMBEDDED_HALF_OPEN_AFTER_MS, ...options.mem0Client?.breaker } }
        : {}),
      ...target,
      ...(options.mem0Dispatcher ? { dispatcher: options.mem0Dispatcher } : {}),
      logger: logger.child({ component: "mem0-client" }),
    });
    cleanup.push(() => mem0.close());

    // Fed by the host's view of its exchanges with mem0 (the gateway's dispatcher interceptor).
    const mem0Reachability = createMem0Reachability({
      unreachableAfterMs: env.readyUnreachableMs ?? DEFAULT_READY_UNREACHABLE_MS,
    });

    const config = resolveConfig({
      // Platform mem0 always extracts; a remote server is assumed to have its LLM; embedded says so itself.
      inference: embedded ? embedded.inference : "on",
      ...options.config,
      recall: {
        ...(env.recallBudgetMs ? { timeBudgetMs: env.recallBudgetMs } : {}),
        ...options.config?.recall,
      },
    });
    // Reads before writes: the relay's rounds shrink while searches run slower than half the recall budget.
    const readPressure = createReadPressure({ targetMs: config.recall.timeBudgetMs / 2 });
    const reads = timeSearches(mem0, readPressure);

    const { start = true, ...relayOptions } = options.relay ?? {};
    const relay = createRelay({
      pace: readPressure,
      // Embedded PGlite has one writer, this process, and every enqueue wakes the relay (onEnqueued below):
      // polling only has to find retries coming due (backoff >= 1 s), so it can be rare. Each poll is a query
      // on this thread, and at 250 ms they showed in the gateway's tail latency. PostgreSQL keeps 250 ms:
      // other processes may enqueue there.
      ...(env.database.url ? {} : { idleDelayMs: EMBEDDED_DB_IDLE_POLL_MS }),
      ...relayOptions,
      db: database.db,
      // With a legacy store, the relay also delivers the legacy mirror jobs (cutover/mirror-job.ts).
      mem0: cutoverOptions ? mirroringWriter(mem0, cutoverOptions.legacyMirror) : mem0,
      logger: logger.child({ component: "relay" }),
    });
    const outbox = createOutbox(database.db, { onEnqueued: () => relay.notify() });
    if (start) relay.start();
    cleanup.push(() => relay.stop());
    const outboxMaintenance = createOutboxMaintenance({
      ...options.outboxMaintenance,
      outbox,
      retentionMs: (env.outboxRetentionHours ?? OUTBOX_RETENTION_HOURS.fallback) * 3_600_000,
      // PostgreSQL's autovacuum does this by itself; PGlite has none.
      vacuum: !env.database.url,
      logger: logger.child({ component: "outbox-maintenance" }),
    });
    if (start) outboxMaintenance.start();
    cleanup.push(() => outboxMaintenance.stop());

    const cutover = cutoverOptions ? createCutover(database, cutoverOptions, () => relay.notify()) : null;
    return {
      router: appRouter,
      mem0,
      database,
      outbox,
      relay,
      outboxMaintenance,
      embedded,
      mem0Reachability,
      config,
      logger,
      createContext: async (principal, ctxOptions = {}) =>
        createInnerContext({
          mem0: reads,
          outbox,
          cutover,
          principal,
          config,
          logger: ctxOptions.logger ?? logger,
          ...(ctxOptions.requestId ? { requestId: ctxOptions.requestId } : {}),
        }),
      close: closeAll,
    };
  } catch (e) {
    await closeAll();
    throw e;
  }
}

/** Opens the legacy store and its mirror; the store is closed last (the relay may still be mirroring). */
async function openLegacy(
  legacy: LegacyStoreOptions,
  cleanup: (() => Promise<void>)[],
): Promise<CutoverOptions> {
  const store = await openLegacyDb({ url: legacy.url });
  cleanup.push(() => store.close());
  return {
    legacyMirror: createLegacyMirror(store.db),
    ...(legacy.modeCacheMs !== undefined ? { modeCacheMs: legacy.modeCacheMs } : {}),
    ...(legacy.defaultMode ? { defaultMode: legacy.defaultMode } : {}),
  };
}

/** The client the procedures use: the same, with every search's latency reported to the read pressure. */
function timeSearches(mem0: Mem0Client, pressure: ReadPressure): Mem0Client {
  return {
    ...mem0,
    search: async (req, opts) => {
      const started = performance.now();
      try {
        return await mem0.search(req, opts);
      } finally {
        pressure.observe(performance.now() - started);
      }
    },
  };
}
