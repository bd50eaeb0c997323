/**
 * PGlite (PostgreSQL 18 in WebAssembly) with pgvector, served on 127.0.0.1 through pglite-socket so that
 * mem0's pgvector store (which speaks the wire protocol through `pg`) can use it unchanged.
 */
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { clusterDataBytes, sharedBuffersMbFor } from "./buffer-cache-size.js";

export interface PgliteHost {
  db: PGlite;
  /** The buffer cache chosen at start, MB (buffer-cache-size.ts). */
  sharedBuffersMb: number;
  connectionString: string;
  close(): Promise<void>;
}

/**
 * Session settings. PGlite has ONE Postgres session shared by every socket client, so a SET here applies to
 * mem0's connections too.
 * - iterative_scan: without it an HNSW scan yields only ef_search candidates BEFORE the tenant filter, and a
 *   tenant whose rows are not among them gets nothing back (measured: 0 results at 10k rows).
 * - max_scan_tuples: how far an iterative scan may walk before it gives up (pgvector default 20,000).
 */
export const SESSION_SETTINGS = [
  "SET hnsw.iterative_scan = relaxed_order",
  "SET hnsw.ef_search = 100",
  "SET hnsw.max_scan_tuples = 50000",
];

export async function startPgliteHost(pgDir: string | undefined): Promise<PgliteHost> {
  const sharedBuffersMb = sharedBuffersMbFor(clusterDataBytes(pgDir));
  const db = await PGlite.create({
    ...(pgDir ? { dataDir: pgDir } : {}),
    extensions: { vector },
    // PGlite's own start parameters, plus the buffer cache sized to the data (buffer-cache-size.ts).
    startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${sharedBuffersMb}MB`],
  });
  await db.exec("CREATE EXTENSION IF NOT EXISTS vector");
  for (const sql of SESSION_SETTINGS) await db.exec(sql);
  // Loopback only, ephemeral port. PGlite has no authentication: the port is reachable by local processes
  // only, and only while this process runs (see README, "Security").
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 16 });
  await server.start();
  const [, port] = server.getServerConn().split(":");
  return {
    db,
    sharedBuffersMb,
    connectionString: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    async close() {
      await server.stop();
      await db.close();
    },
  };
}
