import { PGlite } from "@electric-sql/pglite";
import { type SQL, sql } from "drizzle-orm";
import pg from "pg";
import type { Db } from "../create-db.js";

/** A statement the relay runs on every round, written once with $1..$n parameters. */
export interface HotStatement {
  name: string;
  /** Parameter types, in order, for PGlite's PREPARE. */
  types: string[];
  text: string;
}

/**
 * Runs a hot statement as a prepared statement, so it is planned once per connection instead of once per
 * round. Planning the claim is about half its CPU on PGlite (PostgreSQL's planner compiled to WASM), so
 * this roughly doubles the relay's throughput there.
 * - node-postgres pool: a named statement (pg prepares it once on each pooled connection).
 * - PGlite: `PREPARE` once per instance (one session), then `EXECUTE` with the values as SQL literals,
 *   because PGlite's `query()` cannot bind parameters to EXECUTE.
 * - anything else (a transaction handle): drizzle with bound parameters, planned each time.
 */
/** A statement's parameter: a string, a number, or SQL NULL. */
export type HotValue = string | number | null;

export async function runHot<T>(db: Db, statement: HotStatement, values: HotValue[]): Promise<T[]> {
  const client = (db as { $client?: unknown }).$client;
  if (client instanceof PGlite) {
    await preparedOn(client, statement);
    const args = values.map(literal).join(", ");
    return (await client.query<T>(`execute ${statement.name}(${args})`)).rows;
  }
  if (client instanceof pg.Pool) {
    return (await client.query({ name: statement.name, text: statement.text, values })).rows as T[];
  }
  const result = (await db.execute(withParams(statement.text, values))) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * Runs a statement planned at this call with its actual values, as an unnamed statement: for one whose best
 * plan depends on how large the table has grown since the connection opened (a prepared statement keeps the
 * generic plan it made at its sixth run). Values are bound, so arrays go as arrays.
 */
export async function runPlanned<T>(db: Db, text: string, values: unknown[]): Promise<T[]> {
  const client = (db as { $client?: unknown }).$client;
  if (client instanceof PGlite) return (await client.query<T>(text, values)).rows;
  if (client instanceof pg.Pool) return (await client.query(text, values)).rows as T[];
  const result = (await db.execute(withParams(text, values))) as unknown as { rows: T[] };
  return result.rows;
}

const prepared = new WeakMap<PGlite, Map<string, Promise<void>>>();

function preparedOn(client: PGlite, statement: HotStatement): Promise<void> {
  const names = prepared.get(client) ?? new Map<string, Promise<void>>();
  prepared.set(client, names);
  let ready = names.get(statement.name);
  if (!ready) {
    ready = (async () => {
      // Literals below double single quotes, which is only the whole story with standard strings.
      const { rows } = await client.query<{ standard_conforming_strings: string }>(
        "show standard_conforming_strings",
      );
      if (rows[0]?.standard_conforming_strings !== "on")
        throw new Error("outbox: PGlite must run with standard_conforming_strings = on");
      await client.exec(`prepare ${statement.name}(${statement.types.join(", ")}) as ${statement.text}`);
    })();
    ready.catch(() => names.delete(statement.name));
    names.set(statement.name, ready);
  }
  return ready;
}

function literal(value: HotValue): string {
  if (value === null) return "null";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`outbox: cannot send ${value} as a SQL number`);
    return String(value);
  }
  return `'${value.replaceAll("'", "''")}'`;
}

/** The same text as a drizzle SQL object with bound parameters ($n -> values[n-1]). */
function withParams(text: string, values: readonly unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  const query = sql.empty();
  parts.forEach((part, i) => {
    if (i % 2 === 0) query.append(sql.raw(part));
    else query.append(sql`${values[Number(part) - 1]}`);
  });
  return query;
}
