/**
 * Starts one throwaway PostgreSQL 15 cluster on 127.0.0.1 (tooling/scripts/start-pg.sh, random free port)
 * for the whole test run and stops it afterwards. Each test file then creates its own database in it.
 * When the server binaries are missing, the reason is handed to the tests: the PostgreSQL suites fail
 * with it in CI and are skipped (loudly) elsewhere.
 */
import type { TestProject } from "vitest/node";
import { testEnv } from "./env.js";
import { startThrowawayPostgres } from "./throwaway-postgres.js";

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
  try {
    const pg = await startThrowawayPostgres();
    project.provide("pgAdminUrl", pg.url);
    project.provide("pgUnavailable", null);
    return () => pg.stop().catch(() => {});
  } catch (err) {
    project.provide("pgAdminUrl", null);
    project.provide("pgUnavailable", (err as Error).message);
    return async () => {};
  }
}
