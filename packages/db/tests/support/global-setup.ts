/**
 * Starts one throwaway PostgreSQL 15 cluster on 127.0.0.1 (tooling/scripts/start-pg.sh, random free port)
 * for the whole test run and stops it afterwards. Each test file then creates its own database in it.
 * When the server binaries are missing, the reason is handed to the tests: the PostgreSQL suites fail
 * with it in CI and are skipped (loudly) elsewhere.
 */
import { execFile } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { childEnv, testEnv } from "./env.js";

const run = promisify(execFile);
const scripts = fileURLToPath(new URL("../../../../tooling/scripts/", import.meta.url));

declare module "vitest" {
  export interface ProvidedContext {
    /** Admin URL of the test PostgreSQL server, or null with `pgUnavailable` saying why. */
    pgAdminUrl: string | null;
    pgUnavailable: string | null;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (testEnv.pgTestUrl) {
    project.provide("pgAdminUrl", testEnv.pgTestUrl);
    project.provide("pgUnavailable", null);
    return async () => {};
  }
  let base: string | null = null;
  let lastError = "";
  for (let attempt = 0; attempt < 3 && !base; attempt++) {
    const port = await freePort();
    try {
      const { stdout } = await run("bash", [`${scripts}start-pg.sh`], {
        env: childEnv({ PGPORT: String(port) }),
        timeout: 60_000,
      });
      base = stdout.trim().split("\n").pop() ?? null;
      project.provide("pgAdminUrl", `postgres://postgres@127.0.0.1:${port}/postgres`);
      project.provide("pgUnavailable", null);
    } catch (err) {
      lastError = ((err as { stderr?: string }).stderr || (err as Error).message).trim();
    }
  }
  if (!base) {
    project.provide("pgAdminUrl", null);
    project.provide(
      "pgUnavailable",
      `could not start a throwaway PostgreSQL with tooling/scripts/start-pg.sh (${lastError.slice(0, 300)}). ` +
        "Install Debian's PostgreSQL server (bash tooling/scripts/ensure-postgres.sh) or set PG_TEST_URL.",
    );
    return async () => {};
  }
  const started = base;
  return async () => {
    await run("bash", [`${scripts}stop-pg.sh`, started], { timeout: 30_000 }).catch(() => {});
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}
