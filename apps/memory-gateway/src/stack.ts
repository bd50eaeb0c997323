import { join, resolve } from "node:path";
import { createDb, createOutbox, createRelay, type Database, type Outbox, type Relay } from "@automatos/db";
import { createMem0Client, type Mem0Client } from "@automatos/mem0-client";
import { startEmbeddedMem0 } from "@automatos/mem0-embedded";
import type { Logger } from "pino";
import type { GatewayConfig } from "./config.js";
import { instrumentMem0Client } from "./observability/instrument-mem0.js";
import type { GatewayMetrics } from "./observability/metrics.js";
import { probeMem0 } from "./startup-probe.js";

/** The dependencies the router runs on, opened in order and closed in reverse. */
export interface GatewayStack {
  mem0: Mem0Client;
  mem0Mode: "embedded" | "remote";
  /** Whether mem0 extracts facts with an LLM (the embedded engine says; a remote server is assumed to). */
  inference: "on" | "off";
  database: Database;
  outbox: Outbox;
  relay: Relay | null;
  /** Stops the relay, then closes the mem0 client, the embedded mem0 and the database. */
  close(): Promise<void>;
}

/**
 * Opens the stack: the database (PGlite under `<dataDir>/pg` unless DATABASE_URL), mem0 (the embedded engine
 * under `<dataDir>/mem0` unless MEM0_API_URL, probed once so a wrong URL or key fails at start), the outbox
 * and its relay. Whatever was opened is closed again if a later step fails.
 */
export async function openStack(config: GatewayConfig, deps: { logger: Logger; metrics: GatewayMetrics }) {
  const closers: (() => Promise<void>)[] = [];
  const closeAll = async () => {
    for (const close of closers.splice(0).reverse()) {
      await close().catch((err: unknown) => deps.logger.warn({ err: (err as Error).name }, "close failed"));
    }
  };
  try {
    const dataDir = resolve(config.dataDir);
    // The database and the embedded mem0 (its own process) are independent: open them side by side.
    const [database, target] = await settleAll([
      createDb(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: join(dataDir, "pg") }).then(
        (db) => {
          closers.push(() => db.close());
          return db;
        },
      ),
      openMem0Target(config, dataDir, deps.logger).then((t) => {
        if (t.close) closers.push(t.close);
        return t;
      }),
    ] as const);
    const inference = target.inference;

    const client = createMem0Client({
      baseUrl: target.url,
      apiKey: target.apiKey,
      dialect: target.dialect,
      logger: deps.logger.child({ component: "mem0-client" }),
    });
    closers.push(() => client.close());
    const mem0 = instrumentMem0Client(client, deps.metrics.mem0Duration);
    await probeMem0(mem0, config.mem0.kind === "remote" ? "remote" : "embedded");

    let relay: Relay | null = null;
    const outbox = createOutbox(database.db, { onEnqueued: () => relay?.notify() });
    if (config.relay) {
      relay = createRelay({
        db: database.db,
        mem0,
        logger: deps.logger.child({ component: "outbox-relay" }),
      });
      relay.start();
      const running = relay;
      closers.push(() => running.stop());
    }
    const stack: GatewayStack = {
      mem0,
      mem0Mode: config.mem0.kind,
      inference,
      database,
      outbox,
      relay,
      close: closeAll,
    };
    return stack;
  } catch (err) {
    await closeAll();
    throw err;
  }
}

interface Mem0Target {
  url: string;
  apiKey: string;
  dialect: "server" | "platform";
  inference: "on" | "off";
  close?: () => Promise<void>;
}

async function openMem0Target(config: GatewayConfig, dataDir: string, logger: Logger): Promise<Mem0Target> {
  if (config.mem0.kind === "remote") return { ...config.mem0, inference: "on" };
  const embedded = await startEmbeddedMem0({
    dataDir: join(dataDir, "mem0"),
    ...(config.mem0.embedder ? { embedder: stripUndefined(config.mem0.embedder) } : {}),
    ...(config.mem0.llm ? { llm: stripUndefined(config.mem0.llm) } : {}),
  });
  logger.info(
    { mem0: "embedded", inference: embedded.inference, embedder: embedded.embedder },
    "embedded mem0 started",
  );
  return {
    url: embedded.url,
    apiKey: embedded.apiKey,
    dialect: "server",
    inference: embedded.inference,
    close: embedded.close,
  };
}

/** Promise.all that waits for every promise to settle before rejecting, so nothing opened is left behind. */
async function settleAll<T extends readonly unknown[]>(
  promises: { [K in keyof T]: Promise<T[K]> },
): Promise<T> {
  const results = await Promise.allSettled(promises);
  const failed = results.find((r) => r.status === "rejected");
  if (failed) throw (failed as PromiseRejectedResult).reason;
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/** exactOptionalPropertyTypes-friendly copy: drops keys whose value is undefined. */
function stripUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
