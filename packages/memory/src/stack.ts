/**
 * createMemoryStack: the ready-to-use server side of the memory API, shared by the apps (in-process link) and
 * the gateway. It opens, in order: the database (PGlite under MEMORY_DATA_DIR/pg, or DATABASE_URL), the mem0
 * endpoint (an embedded mem0 under MEMORY_DATA_DIR/mem0, or MEM0_API_URL), the mem0 client, the outbox and
 * its relay; `close()` releases them in reverse order after the relay has settled in-flight deliveries.
 */
import {
  createDb,
  createOutbox,
  createRelay,
  type Database,
  type Outbox,
  type Relay,
  type RelayOptions,
} from "@automatos/db";
import { createMem0Client, type Mem0Client, type Mem0ClientOptions } from "@automatos/mem0-client";
import { type EmbeddedMem0, type ProcessModel, startEmbeddedMem0 } from "@automatos/mem0-embedded";
import type { Principal } from "@automatos/memory-policy";
import type { Dispatcher } from "undici";
import { type MemoryConfig, type MemoryConfigInput, resolveConfig } from "./config.js";
import { createInnerContext, type InnerContext } from "./context.js";
import { type CutoverOptions, createCutover } from "./cutover/create-cutover.js";
import { mirroringWriter } from "./cutover/mirroring-writer.js";
import { type MemoryEnv, readMemoryEnv } from "./env.js";
import { createLogger, type Logger } from "./logger.js";

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
  /** Relay options; `start: false` leaves delivery to the caller (drainOnce in tests, a separate worker). */
  relay?: Partial<Omit<RelayOptions, "db" | "mem0" | "logger">> & { start?: boolean };
  /** The legacy store (LEGACY_DATABASE_URL): per-workspace cutover modes and the legacy mirror. */
  cutover?: CutoverOptions;
}

export interface MemoryStack {
  mem0: Mem0Client;
  database: Database;
  outbox: Outbox;
  relay: Relay;
  /** The embedded mem0 when MEM0_API_URL is unset, else null. */
  embedded: EmbeddedMem0 | null;
  config: MemoryConfig;
  logger: Logger;
  /** An inner context for one request by `principal` (verified by the caller). */
  createContext(principal: Principal | null, options?: { requestId?: string }): Promise<InnerContext>;
  close(): Promise<void>;
}

export async function createMemoryStack(options: MemoryStackOptions = {}): Promise<MemoryStack> {
  const env = options.env ?? readMemoryEnv();
  const logger = options.logger ?? createLogger({ level: env.logLevel });
  const cleanup: (() => Promise<void>)[] = [];
  const closeAll = async () => {
    for (const fn of cleanup.splice(0).reverse())
      await fn().catch((e) => logger.error({ err: (e as Error).name }, "close failed"));
  };
  try {
    const database = await createDb(
      env.database.url ? { url: env.database.url } : { dataDir: env.database.dataDir },
    );
    cleanup.push(() => database.close());

    let embedded: EmbeddedMem0 | null = null;
    let target: { baseUrl: string; apiKey?: string; dialect: "server" | "platform" };
    if (env.mem0.mode === "embedded") {
      embedded = await startEmbeddedMem0({
        dataDir: env.mem0.dataDir,
        ...(env.mem0.embedder ? { embedder: env.mem0.embedder } : {}),
        ...(env.mem0.llm ? { llm: env.mem0.llm } : {}),
        ...(options.embeddedProcessModel ? { processModel: options.embeddedProcessModel } : {}),
      });
      const started = embedded;
      cleanup.push(() => started.close());
      target = { baseUrl: embedded.url, apiKey: embedded.apiKey, dialect: "server" };
    } else {
      target = {
        baseUrl: env.mem0.url,
        dialect: env.mem0.dialect,
        ...(env.mem0.apiKey ? { apiKey: env.mem0.apiKey } : {}),
      };
    }

    const mem0 = createMem0Client({
      ...options.mem0Client,
      ...target,
      ...(options.mem0Dispatcher ? { dispatcher: options.mem0Dispatcher } : {}),
      logger: logger.child({ component: "mem0-client" }),
    });
    cleanup.push(() => mem0.close());

    const { start = true, ...relayOptions } = options.relay ?? {};
    const relay = createRelay({
      ...relayOptions,
      db: database.db,
      // With a legacy store, the relay also delivers the legacy mirror jobs (cutover/mirror-job.ts).
      mem0: options.cutover ? mirroringWriter(mem0, options.cutover.legacyMirror) : mem0,
      logger: logger.child({ component: "relay" }),
    });
    const outbox = createOutbox(database.db, { onEnqueued: () => relay.notify() });
    if (start) relay.start();
    cleanup.push(() => relay.stop());

    const config = resolveConfig({
      // Platform mem0 always extracts; a remote server is assumed to have its LLM; embedded says so itself.
      inference: embedded ? embedded.inference : "on",
      ...options.config,
      recall: {
        ...(env.recallBudgetMs ? { timeBudgetMs: env.recallBudgetMs } : {}),
        ...options.config?.recall,
      },
    });
    const cutover = options.cutover ? createCutover(database, options.cutover, () => relay.notify()) : null;
    return {
      mem0,
      database,
      outbox,
      relay,
      embedded,
      config,
      logger,
      createContext: async (principal, ctxOptions = {}) =>
        createInnerContext({
          mem0,
          outbox,
          cutover,
          principal,
          config,
          logger,
          ...(ctxOptions.requestId ? { requestId: ctxOptions.requestId } : {}),
        }),
      close: closeAll,
    };
  } catch (e) {
    await closeAll();
    throw e;
  }
}
