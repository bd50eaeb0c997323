import { execFile } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const scripts = fileURLToPath(new URL("../../../../tooling/scripts/", import.meta.url));

export interface ThrowawayPostgres {
  /** Admin connection string (user postgres, database postgres, trust auth on 127.0.0.1). */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a PostgreSQL cluster on a free loopback port with tooling/scripts/start-pg.sh (Debian's server
 * binaries, fsync off, a temp directory) for tests and benchmarks. Tries three ports (another process may
 * take the free port between the probe and the start). Throws with the script's stderr when it cannot.
 */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  let lastError = "";
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freeLoopbackPort();
    try {
      // `env NAME=value` adds PGPORT to the inherited environment (only env.ts files touch process.env).
      const { stdout } = await run("env", [`PGPORT=${port}`, "bash", `${scripts}start-pg.sh`], {
        timeout: 60_000,
      });
      const base = stdout.trim().split("\n").pop() ?? "";
      return {
        url: `postgres://postgres@127.0.0.1:${port}/postgres`,
        stop: async () => {
          await run("bash", [`${scripts}stop-pg.sh`, base], { timeout: 30_000 });
        },
      };
    } catch (err) {
      lastError = ((err as { stderr?: string }).stderr || (err as Error).message).trim();
    }
  }
  throw new Error(
    `could not start a throwaway PostgreSQL with tooling/scripts/start-pg.sh (${lastError.slice(0, 300)}). ` +
      "Install Debian's PostgreSQL server (bash tooling/scripts/ensure-postgres.sh) or set PG_TEST_URL.",
  );
}

/** A TCP port free on 127.0.0.1 at the time of asking. */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}
