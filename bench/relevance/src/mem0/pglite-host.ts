import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/**
 * In-memory PGlite with pgvector, served on 127.0.0.1 (ephemeral port) so mem0's pgvector store can reach it
 * through `pg`. The session settings match packages/mem0-embedded (PGlite has one session shared by all clients):
 * without iterative_scan an HNSW scan can return nothing for a tenant whose rows are not among the first
 * ef_search candidates.
 */
export async function startPgliteHost(): Promise<{ connectionString: string; close(): Promise<void> }> {
  const db = await PGlite.create({ extensions: { vector } });
  await db.exec("CREATE EXTENSION IF NOT EXISTS vector");
  await db.exec(
    "SET hnsw.iterative_scan = relaxed_order; SET hnsw.ef_search = 100; SET hnsw.max_scan_tuples = 50000",
  );
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 8 });
  await server.start();
  const port = server.getServerConn().split(":")[1];
  return {
    connectionString: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    close: async () => {
      await server.stop();
      await db.close();
    },
  };
}
