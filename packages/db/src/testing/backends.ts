/**
 * The shared test matrix: every suite written with `describeBackends` runs once on PGlite (in memory) and
 * once on the throwaway PostgreSQL 15 started by global-setup.ts, each in a database of its own.
 */
import { randomUUID } from "node:crypto";
import { getTableName } from "drizzle-orm";
import pg from "pg";
import { describe, inject, it } from "vitest";
import { createDb, type Database, type DbKind } from "../create-db.js";
import * as schema from "../schema/index.js";
import { testEnv } from "./env.js";

export interface TestDatabase {
  database: Database;
  /** What a child process needs to open the same database (a URL, or a PGlite data dir). */
  target: { url?: string; dataDir?: string };
  /** Empties every table between tests. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export interface Backend {
  kind: DbKind;
  /** Opens a fresh, migrated database; PGlite in memory unless `dataDir` is given. */
  open(options?: { dataDir?: string }): Promise<TestDatabase>;
}

const pglite: Backend = {
  kind: "pglite",
  async open(options = {}) {
    const dataDir = options.dataDir ?? "memory://";
    const database = await createDb({ dataDir });
    return wrap(database, { dataDir }, async () => {});
  },
};

const postgres: Backend = {
  kind: "postgres",
  async open() {
    const adminUrl = inject("pgAdminUrl");
    if (!adminUrl) throw new Error(`PostgreSQL unavailable: ${inject("pgUnavailable")}`);
    const name = `outbox_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
    await admin(adminUrl, `CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const database = await createDb({ url: url.toString(), poolMax: 20 });
    return wrap(database, { url: url.toString() }, () =>
      admin(adminUrl, `DROP DATABASE ${name} WITH (FORCE)`),
    );
  },
};

export const backends: Backend[] = [pglite, postgres];

/** `describe.each` over the backends, with the PostgreSQL policy: fail in CI, skip loudly elsewhere. */
export function describeBackends(title: string, body: (backend: Backend) => void): void {
  for (const backend of backends) {
    const name = `${title} [${backend.kind}]`;
    const unavailable = backend.kind === "postgres" ? inject("pgUnavailable") : null;
    if (!unavailable) describe(name, () => body(backend));
    else if (testEnv.ci)
      describe(name, () => {
        it("needs PostgreSQL", () => {
          throw new Error(`PostgreSQL is required in CI: ${unavailable}`);
        });
      });
    else {
      console.warn(`skipping "${name}": ${unavailable}`);
      describe.skip(name, () => body(backend));
    }
  }
}

function wrap(database: Database, target: TestDatabase["target"], drop: () => Promise<void>): TestDatabase {
  return {
    database,
    target,
    async reset() {
      // Every table of ours, whoever added it (the migration package's tables live here too).
      const tables = Object.values(schema).map((table) => getTableName(table));
      await database.db.execute(`TRUNCATE ${tables.map((n) => `"${n}"`).join(", ")}`);
    },
    async close() {
      await database.close();
      await drop();
    },
  };
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
