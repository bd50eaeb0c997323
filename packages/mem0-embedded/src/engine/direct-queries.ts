/**
 * mem0's pgvector stores talk to PostgreSQL through a `pg.Client`; here that is a loopback socket to
 * pglite-socket in this same process, so every query is serialised to the wire protocol, written to a socket,
 * read back, executed, written back and parsed again, all on the one thread that also runs PGlite. Once a store
 * is initialised, its `client.query(text, values)` is answered by PGlite directly (`db.query`, the same
 * session the socket serves). The socket connection stays open for anything else and is ended on close as before.
 *
 * Only the form mem0ai/oss 3.3.1 uses is taken over: a SQL string with an optional values array, read through
 * `result.rows` (and `rowCount`). A call in another form (config object, callback) goes to pg unchanged.
 */
import type { PGlite } from "@electric-sql/pglite";

interface QueryableClient {
  query: (...args: unknown[]) => Promise<unknown>;
  __direct?: true;
}

export function answerQueriesDirectly(client: unknown, db: PGlite): void {
  const c = client as QueryableClient | undefined;
  if (!c || typeof c.query !== "function" || c.__direct) return;
  const viaSocket = c.query.bind(c);
  c.query = (...args: unknown[]) => {
    const [text, values, more] = args;
    if (typeof text !== "string" || more !== undefined || (values !== undefined && !Array.isArray(values)))
      return viaSocket(...args);
    return db
      .query<Record<string, unknown>>(text, values as unknown[] | undefined)
      .then((r) => ({ rows: r.rows, rowCount: r.affectedRows ?? r.rows.length, fields: r.fields }));
  };
  c.__direct = true;
}
