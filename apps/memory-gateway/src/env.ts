/**
 * The gateway's configuration: every environment variable it reads, validated once with zod. This is the only
 * file that touches `process.env` (biome rule noProcessEnv). Bad configuration fails at start with one message
 * that names each variable, says what is wrong and what to run — never with the value of a secret.
 */
import { httpUrl, intIn, oneOf, optionalString } from "@automatos/memory/client";
import { memoryStackProblems, OUTBOX_RETENTION_HOURS } from "@automatos/memory/stack";
import { z } from "zod";
import { parseServiceGrants } from "./auth/parse-service-grants.js";
import { parseServiceTokens } from "./auth/parse-service-tokens.js";
import { APP_NAMES, type GatewayConfig } from "./config.js";

const MIN_JWT_SECRET = 32;

const serviceTokens = optionalString.transform((raw, ctx) => {
  if (raw === undefined) {
    ctx.addIssue({
      code: "custom",
      message: `required: one "app:secret" pair per calling app, comma-separated (apps: ${APP_NAMES.join(", ")}); generate a secret with \`openssl rand -hex 32\``,
    });
    return z.NEVER;
  }
  const { entries, problems } = parseServiceTokens(raw);
  for (const message of problems) ctx.addIssue({ code: "custom", message });
  return entries;
});

const serviceGrants = optionalString.transform((raw, ctx) => {
  const { grants, firstEntry, problems } = parseServiceGrants(raw);
  for (const message of problems) ctx.addIssue({ code: "custom", message });
  return { grants, firstEntry };
});

const envSchema = z.object({
  GATEWAY_HOST: optionalString.transform((v) => v ?? "127.0.0.1"),
  GATEWAY_PORT: intIn(0, 65_535, 4000),
  GATEWAY_SERVICE_TOKENS: serviceTokens,
  GATEWAY_SERVICE_GRANTS: serviceGrants,
  GATEWAY_JWT_SECRET: optionalString.refine((v) => v === undefined || v.length >= MIN_JWT_SECRET, {
    message: `must be at least ${MIN_JWT_SECRET} characters (HS256 needs a 256-bit key)`,
  }),
  GATEWAY_JWKS_URL: httpUrl("the identity provider's JWKS endpoint"),
  GATEWAY_JWT_ISSUER: optionalString,
  GATEWAY_JWT_AUDIENCE: optionalString,
  GATEWAY_JWT_WORKSPACE_CLAIM: optionalString.transform((v) => v ?? "workspace_id"),
  GATEWAY_JWT_CLOCK_TOLERANCE_S: intIn(0, 300, 5),
  // 24 h by default, 30 days at most: a user token is a bearer credential, its life bounds a leak.
  GATEWAY_JWT_MAX_LIFETIME_S: intIn(60, 30 * 86_400, 86_400),
  GATEWAY_JWKS_TIMEOUT_MS: intIn(100, 30_000, 2_000),
  GATEWAY_MAX_BODY_BYTES: intIn(1_024, 16 * 1024 * 1024, 1024 * 1024),
  GATEWAY_SHUTDOWN_GRACE_MS: intIn(0, 120_000, 10_000),
  GATEWAY_METRICS_TOKEN: optionalString,
  GATEWAY_LOG_LEVEL: oneOf(["fatal", "error", "warn", "info", "debug", "trace", "silent"], "info"),
  GATEWAY_DATA_DIR: optionalString.transform((v) => v ?? ".data"),
  GATEWAY_RELAY: oneOf(["on", "off"], "on"),
  // Chat turns the gateway runs through itself before it listens (src/warm-up/warm-up-gateway.ts); 0 = none.
  // At most 500: two memories a turn, and mem0 lists at most 1,000 (the warm-up counts them there).
  GATEWAY_WARM_UP_TURNS: intIn(0, 500, 300),
  MEM0_API_URL: httpUrl("unset = start the embedded mem0"),
  MEM0_API_KEY: optionalString,
  MEM0_DIALECT: oneOf(["server", "platform"], "server"),
  DATABASE_URL: optionalString.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
    message: "must be a postgres:// or postgresql:// URL (unset = PGlite under GATEWAY_DATA_DIR)",
  }),
  LEGACY_DATABASE_URL: optionalString.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
    message: "must be a postgres:// or postgresql:// URL (unset = no legacy store: every workspace is mem0)",
  }),
  MEMORY_MODE_CACHE_MS: intIn(0, 300_000, 5_000),
  MEMORY_OUTBOX_RETENTION_HOURS: intIn(
    OUTBOX_RETENTION_HOURS.min,
    OUTBOX_RETENTION_HOURS.max,
    OUTBOX_RETENTION_HOURS.fallback,
  ),
  EMBEDDING_BASE_URL: httpUrl("an OpenAI-compatible embeddings endpoint"),
  EMBEDDING_API_KEY: optionalString,
  EMBEDDING_MODEL: optionalString,
  EMBEDDING_DIMENSIONS: intIn(16, 8192, 0),
  LLM_BASE_URL: httpUrl("an OpenAI-compatible chat endpoint"),
  LLM_API_KEY: optionalString,
  LLM_MODEL: optionalString,
});

type Env = z.output<typeof envSchema>;

/** Thrown at start when the environment is wrong; its message is safe to print (no secret values). */
export class GatewayConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      [
        "memory-gateway: invalid configuration",
        ...problems.map((p) => `  - ${p}`),
        "Fix the variables above (table in apps/memory-gateway/README.md#configuration).",
        ...(problems.some((p) => p.startsWith("MEM0_"))
          ? [
              "To probe the mem0 endpoint, run `pnpm mem0:check` with the same MEM0_API_URL / MEM0_API_KEY " +
                "(it prints success rate and p50/p95/p99).",
            ]
          : []),
      ].join("\n"),
    );
    this.name = "GatewayConfigError";
  }
}

function crossCheck(env: Env): string[] {
  const problems: string[] = [];
  if (env.GATEWAY_JWT_SECRET && env.GATEWAY_JWKS_URL)
    problems.push("GATEWAY_JWT_SECRET / GATEWAY_JWKS_URL: set exactly one of them, not both");
  if (!env.GATEWAY_JWT_SECRET && !env.GATEWAY_JWKS_URL)
    problems.push(
      "GATEWAY_JWT_SECRET / GATEWAY_JWKS_URL: one is required to verify end-user tokens (HS256 secret or JWKS URL)",
    );
  const tokenApps = new Set(env.GATEWAY_SERVICE_TOKENS.map((t) => t.app));
  for (const [app, n] of env.GATEWAY_SERVICE_GRANTS.firstEntry) {
    if (!tokenApps.has(app))
      problems.push(`GATEWAY_SERVICE_GRANTS: entry ${n}: the ${app} app has no service token`);
  }
  problems.push(...memoryStackProblems(env));
  if (env.LLM_BASE_URL && !env.LLM_MODEL) problems.push("LLM_MODEL: required when LLM_BASE_URL is set");
  return problems;
}

function toConfig(env: Env): GatewayConfig {
  return {
    host: env.GATEWAY_HOST,
    port: env.GATEWAY_PORT,
    auth: {
      serviceTokens: env.GATEWAY_SERVICE_TOKENS.map((t) => ({
        ...t,
        grant: env.GATEWAY_SERVICE_GRANTS.grants[t.app] ?? t.grant,
      })),
      jwt: {
        key: env.GATEWAY_JWT_SECRET
          ? { kind: "hs256", secret: new TextEncoder().encode(env.GATEWAY_JWT_SECRET) }
          : { kind: "jwks", url: env.GATEWAY_JWKS_URL as string, timeoutMs: env.GATEWAY_JWKS_TIMEOUT_MS },
        issuer: env.GATEWAY_JWT_ISSUER,
        audience: env.GATEWAY_JWT_AUDIENCE,
        workspaceClaim: env.GATEWAY_JWT_WORKSPACE_CLAIM,
        clockToleranceSec: env.GATEWAY_JWT_CLOCK_TOLERANCE_S,
        maxLifetimeSec: env.GATEWAY_JWT_MAX_LIFETIME_S,
      },
    },
    limits: { maxBodyBytes: env.GATEWAY_MAX_BODY_BYTES, shutdownGraceMs: env.GATEWAY_SHUTDOWN_GRACE_MS },
    metricsToken: env.GATEWAY_METRICS_TOKEN,
    logLevel: env.GATEWAY_LOG_LEVEL,
    dataDir: env.GATEWAY_DATA_DIR,
    relay: env.GATEWAY_RELAY === "on",
    warmUp: { turns: env.GATEWAY_WARM_UP_TURNS },
    mem0: env.MEM0_API_URL
      ? {
          kind: "remote",
          url: env.MEM0_API_URL,
          apiKey: env.MEM0_API_KEY as string,
          dialect: env.MEM0_DIALECT,
        }
      : {
          kind: "embedded",
          embedder: env.EMBEDDING_BASE_URL
            ? {
                baseUrl: env.EMBEDDING_BASE_URL,
                apiKey: env.EMBEDDING_API_KEY,
                model: env.EMBEDDING_MODEL as string,
                dimensions: env.EMBEDDING_DIMENSIONS,
              }
            : undefined,
          llm: env.LLM_BASE_URL
            ? { baseUrl: env.LLM_BASE_URL, apiKey: env.LLM_API_KEY, model: env.LLM_MODEL as string }
            : undefined,
        },
    databaseUrl: env.DATABASE_URL,
    outboxRetentionHours: env.MEMORY_OUTBOX_RETENTION_HOURS,
    legacy: env.LEGACY_DATABASE_URL
      ? { url: env.LEGACY_DATABASE_URL, modeCacheMs: env.MEMORY_MODE_CACHE_MS }
      : undefined,
  };
}

/** Validates an environment record (tests pass their own) into the gateway's configuration. */
export function parseGatewayEnv(source: Record<string, string | undefined>): GatewayConfig {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new GatewayConfigError(
      parsed.error.issues.map((i) => `${String(i.path[0] ?? "environment")}: ${i.message}`),
    );
  }
  const problems = crossCheck(parsed.data);
  if (problems.length > 0) throw new GatewayConfigError(problems);
  return toConfig(parsed.data);
}

/** The process environment, validated. Only `main.ts` calls this. */
export function loadGatewayEnv(): GatewayConfig {
  return parseGatewayEnv(process.env);
}
