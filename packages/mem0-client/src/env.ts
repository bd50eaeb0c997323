/**
 * The only file in this package that reads process.env (biome noProcessEnv). Defaults for the mem0:check
 * CLI; library code never reads the environment, it takes options.
 */
import type { Mem0Dialect } from "./types.js";

export interface Mem0Env {
  url?: string;
  apiKey?: string;
  dialect?: Mem0Dialect;
}

export function readMem0Env(env: NodeJS.ProcessEnv = process.env): Mem0Env {
  const dialect = env.MEM0_DIALECT;
  if (dialect !== undefined && dialect !== "" && dialect !== "server" && dialect !== "platform") {
    throw new Error(`MEM0_DIALECT must be "server" or "platform" (got "${dialect}")`);
  }
  return {
    url: env.MEM0_API_URL || undefined,
    apiKey: env.MEM0_API_KEY || undefined,
    dialect: dialect ? dialect : undefined,
  };
}
