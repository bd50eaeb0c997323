/**
 * Serves a PGlite on a loopback port through pglite-socket, so a child process (the CLI under test, the
 * benchmark's migrator) reaches it with a plain postgres:// URL, exactly like a real database. PGlite runs
 * one transaction at a time; pglite-socket queues other connections' statements meanwhile and rolls back
 * the transaction of a connection that dies (a SIGKILLed child).
 */
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface ServedPglite {
  pglite: PGlite;
  url: string;
  close(): Promise<void>;
}

export async function servePglite(pglite: PGlite): Promise<ServedPglite> {
  const server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port: 0, maxConnections: 16 });
  await server.start();
  const url = `postgres://postgres:postgres@${server.getServerConn()}/postgres?sslmode=disable`;
  return {
    pglite,
    url,
    async close() {
      await server.stop();
      await pglite.close();
    },
  };
}

/** An empty PGlite (with pgvector) on a loopback port: the ledger database of a child-process test. */
export async function serveEmptyPglite(dataDir?: string): Promise<ServedPglite> {
  return servePglite(await PGlite.create({ ...(dataDir ? { dataDir } : {}), extensions: { vector } }));
}
