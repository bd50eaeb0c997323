/**
 * The variables every app shares (memory connection, mem0, database, LLM), as zod fields plus the checks
 * that span several variables. Each app's `env.ts` (the only file that reads process.env) combines these
 * with its own fields and reports every problem at once through ConfigError.
 */
import { httpUrl, intIn, memoryStackProblems, optionalString } from "@automatos/memory/client";
import type { AppName } from "@automatos/memory-policy";
import { z } from "zod";

// The field helpers are memory's (one definition for every env.ts); re-exported for the apps' own fields.
export { httpUrl, intIn, optionalString };

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The same minimum the gateway enforces for its service secrets. */
export const MIN_SERVICE_TOKEN = 24;

export const commonEnvSchema = z.object({
  MEMORY_GATEWAY_URL: httpUrl("the memory gateway; unset = the memory router runs inside this app"),
  MEM0_API_URL: httpUrl("a mem0 server or the hosted platform; unset = start the embedded mem0"),
  MEM0_API_KEY: optionalString,
  MEM0_DIALECT: optionalString.pipe(
    z.enum(["server", "platform"], { message: 'must be "server" or "platform"' }).default("server"),
  ),
  DATABASE_URL: optionalString.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
    message: "must be a postgres:// or postgresql:// URL (unset = PGlite under MEMORY_DATA_DIR)",
  }),
  MEMORY_DATA_DIR: optionalString.default(".data"),
  MEMORY_RECALL_BUDGET_MS: intIn(10, 10_000, 0),
  EMBEDDING_BASE_URL: httpUrl("an OpenAI-compatible embeddings endpoint"),
  EMBEDDING_API_KEY: optionalString,
  EMBEDDING_MODEL: optionalString,
  EMBEDDING_DIMENSIONS: intIn(16, 8192, 0),
  LLM_BASE_URL: httpUrl("an OpenAI-compatible endpoint, e.g. https://api.openai.com/v1"),
  LLM_API_KEY: optionalString,
  LLM_MODEL: optionalString,
  LLM_TIMEOUT_MS: intIn(100, 300_000, 30_000),
  LOG_LEVEL: optionalString.pipe(
    z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  ),
});

export type CommonEnv = z.output<typeof commonEnvSchema>;

/** The name of an app's service-token variable: CHATBOT_SERVICE_TOKEN, AGENTS_SERVICE_TOKEN, ... */
export function serviceTokenVar(app: AppName): string {
  return `${app.toUpperCase()}_SERVICE_TOKEN`;
}

/** Checks that span several variables; each line names the variable to fix. */
export function crossCheckCommon(env: CommonEnv, app: AppName, serviceToken: string | undefined): string[] {
  const problems: string[] = [];
  const tokenVar = serviceTokenVar(app);
  if (env.MEMORY_GATEWAY_URL) {
    if (!serviceToken)
      problems.push(
        `${tokenVar}: required when MEMORY_GATEWAY_URL is set (the secret of the gateway's GATEWAY_SERVICE_TOKENS entry "${app}:<secret>")`,
      );
    else if (serviceToken.length < MIN_SERVICE_TOKEN)
      problems.push(`${tokenVar}: must be at least ${MIN_SERVICE_TOKEN} characters`);
  } else {
    // In-process: this app talks to mem0 itself, so the mem0 variables matter here.
    problems.push(...memoryStackProblems(env));
  }
  if (env.LLM_BASE_URL && !env.LLM_MODEL) problems.push("LLM_MODEL: required when LLM_BASE_URL is set");
  if (!env.LLM_BASE_URL && (env.LLM_MODEL || env.LLM_API_KEY))
    problems.push(
      "LLM_BASE_URL: required when LLM_MODEL or LLM_API_KEY is set (unset all LLM_* for the offline responder)",
    );
  return problems;
}

/** Validates `source` against `schema`; problems read `VARIABLE: what is wrong`. */
export function validateEnv<S extends z.ZodType>(
  schema: S,
  source: Record<string, string | undefined>,
): { data: z.output<S> | null; problems: string[] } {
  const parsed = schema.safeParse(source);
  if (parsed.success) return { data: parsed.data, problems: [] };
  return {
    data: null,
    problems: parsed.error.issues.map((i) => `${String(i.path[0] ?? "environment")}: ${i.message}`),
  };
}
