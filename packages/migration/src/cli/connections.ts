/**
 * Opens what an action needs: the legacy database (LEGACY_DATABASE_URL / --legacy-url), our database
 * (DATABASE_URL / --database-url, else PGlite under .data/pg) and mem0 (MEM0_API_URL / --mem0-url, through
 * @automatos/mem0-client with its timeouts, retries of reads and breaker).
 */
import { createDb, type Database } from "@automatos/db";
import { createMem0Client, type Mem0Client } from "@automatos/mem0-client";
import type { MigrationEnv } from "../env.js";
import { type LegacyDb, openLegacyDb } from "../legacy/connect.js";
import type { Action, CliOptions } from "./options.js";

export interface Connections {
  legacy?: LegacyDb;
  database?: Database;
  mem0?: Mem0Client;
  close(): Promise<void>;
}

const NEEDS: Record<Action, { legacy: boolean; db: boolean; mem0: boolean }> = {
  "dry-run": { legacy: true, db: false, mem0: false },
  run: { legacy: true, db: true, mem0: true },
  resume: { legacy: true, db: true, mem0: true },
  verify: { legacy: true, db: true, mem0: true },
  status: { legacy: false, db: true, mem0: false },
  "set-mode": { legacy: false, db: true, mem0: false },
};

export async function openConnections(
  action: Action,
  o: CliOptions,
  env: MigrationEnv,
): Promise<Connections> {
  const need = NEEDS[action];
  const c: Connections = {
    async close() {
      await c.mem0?.close();
      await c.database?.close();
      await c.legacy?.close();
    },
  };
  try {
    if (need.legacy) {
      const url = o.legacyUrl ?? env.legacyDatabaseUrl;
      if (!url)
        throw new Error("the legacy database is not configured: set LEGACY_DATABASE_URL or --legacy-url");
      c.legacy = await openLegacyDb({ url });
    }
    if (need.db) c.database = await createDb({ url: o.databaseUrl ?? env.databaseUrl, poolMax: 4 });
    if (need.mem0) {
      const baseUrl = o.mem0Url ?? env.mem0Url;
      if (!baseUrl) throw new Error("mem0 is not configured: set MEM0_API_URL or --mem0-url");
      c.mem0 = createMem0Client({
        baseUrl,
        dialect: env.mem0Dialect ?? "server",
        ...(env.mem0ApiKey ? { apiKey: env.mem0ApiKey } : {}),
        connections: Math.max(o.concurrency, 4),
        // A migration tolerates more consecutive failures before the breaker opens than a chat turn does.
        breaker: { consecutiveFailures: 20, halfOpenAfterMs: 5_000 },
      });
    }
    return c;
  } catch (err) {
    await c.close().catch(() => {});
    throw err;
  }
}
