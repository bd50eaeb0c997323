/**
 * The package's configuration from the environment, validated once (the only module allowed to read
 * process.env). Errors name the variable, never its value: MEM0_API_KEY and DATABASE_URL are secrets.
 *
 * - MEM0_API_URL unset -> an embedded mem0 (mem0's own engine behind the self-hosted REST contract, data
 *   under MEMORY_DATA_DIR/mem0); set -> that server (MEM0_DIALECT server | platform, MEM0_API_KEY).
 * - DATABASE_URL unset -> PGlite under MEMORY_DATA_DIR/pg; set -> PostgreSQL.
 * - EMBEDDING_* / LLM_* (OpenAI-compatible) feed the embedded mem0 only; unset -> offline embedder, no
 *   fact extraction (adds stored verbatim, `health` reports inference "off").
 */
import { join, resolve } from "node:path";
import { z } from "zod";

const url = z.url({ protocol: /^https?$/ });

/**
 * How long delivered outbox jobs are kept before the housekeeping purges them (MEMORY_OUTBOX_RETENTION_HOURS):
 * the default is longer than any client's retry of a remember, since a purged idempotency key can be used
 * again. One definition for every host that reads the variable (this env, the gateway's).
 */
export const OUTBOX_RETENTION_HOURS = { min: 1, max: 8_760, fallback: 24 } as const;

const envSchema = z.object({
  MEM0_API_URL: url.optional(),
  MEM0_API_KEY: z.string().min(1).optional(),
  MEM0_DIALECT: z.enum(["server", "platform"]).default("server"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "expected a postgres:// URL")
    .optional(),
  MEMORY_DATA_DIR: z.string().min(1).default(".data"),
  MEMORY_RECALL_BUDGET_MS: z.coerce.number().int().min(10).max(10_000).optional(),
  MEMORY_READY_UNREACHABLE_MS: z.coerce.number().int().min(100).max(3_600_000).optional(),
  MEMORY_OUTBOX_RETENTION_HOURS: z.coerce
    .number()
    .int()
    .min(OUTBOX_RETENTION_HOURS.min)
    .max(OUTBOX_RETENTION_HOURS.max)
    .optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  EMBEDDING_BASE_URL: url.optional(),
  EMBEDDING_MODEL: z.string().min(1).optional(),
  EMBEDDING_API_KEY: z.string().min(1).optional(),
  EMBEDDING_DIMENSIONS: z.coerce.number().int().min(16).max(8192).optional(),
  LLM_BASE_URL: url.optional(),
  LLM_MODEL: z.string().min(1).optional(),
  LLM_API_KEY: z.string().min(1).optional(),
});

export type Mem0Target =
  | { mode: "remote"; url: string; apiKey?: string; dialect: "server" | "platform" }
  | {
      mode: "embedded";
      dataDir: string;
      embedder?: { baseUrl: string; apiKey?: string; model: string; dimensions: number };
      llm?: { baseUrl: string; apiKey?: string; model: string };
    };

export interface MemoryEnv {
  mem0: Mem0Target;
  database: { url?: string; dataDir: string };
  recallBudgetMs?: number;
  /** Readiness turns false once mem0 has not answered for this long (MEMORY_READY_UNREACHABLE_MS, default 10 s). */
  readyUnreachableMs?: number;
  /** Delivered outbox jobs are purged after this many hours (MEMORY_OUTBOX_RETENTION_HOURS, default 24). */
  outboxRetentionHours?: number;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
}

/** The memory stack's variables that depend on each other, as an app's schema typed them. */
export interface MemoryStackVars {
  MEM0_API_URL?: string | undefined;
  MEM0_API_KEY?: string | undefined;
  MEM0_DIALECT?: string | undefined;
  EMBEDDING_BASE_URL?: string | undefined;
  EMBEDDING_MODEL?: string | undefined;
  /** 0 or unset: not given. */
  EMBEDDING_DIMENSIONS?: number | undefined;
}

/**
 * The checks that span several memory-stack variables, for an app's configuration report (the gateway, and
 * an app running the router in process). Each line names the variable to fix, never a value.
 */
export function memoryStackProblems(env: MemoryStackVars): string[] {
  const problems: string[] = [];
  if (env.MEM0_API_URL && !env.MEM0_API_KEY)
    problems.push("MEM0_API_KEY: required when MEM0_API_URL is set (mem0 refuses unauthenticated calls)");
  if (env.MEM0_DIALECT === "platform" && !env.MEM0_API_URL)
    problems.push(
      'MEM0_DIALECT: "platform" needs MEM0_API_URL (the embedded mem0 speaks the server dialect)',
    );
  if (env.EMBEDDING_BASE_URL && !env.EMBEDDING_MODEL)
    problems.push("EMBEDDING_MODEL: required when EMBEDDING_BASE_URL is set");
  // No guessed default: a wrong dimension only shows up later as failed inserts into the vector column.
  if (env.EMBEDDING_BASE_URL && !env.EMBEDDING_DIMENSIONS)
    problems.push("EMBEDDING_DIMENSIONS: required when EMBEDDING_BASE_URL is set (the model's vector size)");
  return problems;
}

function fail(names: string[]): never {
  throw new Error(`invalid environment variable(s): ${[...new Set(names)].join(", ")}`);
}

/**
 * MEMORY_READY_UNREACHABLE_MS alone, for a host that builds its MemoryEnv from its own configuration (the
 * gateway) but keeps this variable's single definition here. Undefined when unset.
 */
export function readReadyUnreachableMs(
  env: Record<string, string | undefined> = process.env,
): number | undefined {
  const raw = env.MEMORY_READY_UNREACHABLE_MS;
  if (raw === undefined || raw === "") return undefined;
  const parsed = envSchema.shape.MEMORY_READY_UNREACHABLE_MS.safeParse(raw);
  if (!parsed.success) fail(["MEMORY_READY_UNREACHABLE_MS"]);
  return parsed.data;
}

/** Reads and validates the memory stack's variables (pass `env` in tests; defaults to process.env). */
export function readMemoryEnv(env: Record<string, string | undefined> = process.env): MemoryEnv {
  // Empty strings mean "unset" (a common .env habit), not "invalid".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) fail(parsed.error.issues.map((i) => String(i.path[0])));
  const e = parsed.data;
  const dataDir = resolve(e.MEMORY_DATA_DIR);
  const out: MemoryEnv = {
    mem0: e.MEM0_API_URL
      ? {
          mode: "remote",
          url: e.MEM0_API_URL,
          dialect: e.MEM0_DIALECT,
          ...(e.MEM0_API_KEY ? { apiKey: e.MEM0_API_KEY } : {}),
        }
      : { mode: "embedded", dataDir: join(dataDir, "mem0") },
    database: { dataDir: join(dataDir, "pg"), ...(e.DATABASE_URL ? { url: e.DATABASE_URL } : {}) },
    logLevel: e.LOG_LEVEL,
    ...(e.MEMORY_RECALL_BUDGET_MS ? { recallBudgetMs: e.MEMORY_RECALL_BUDGET_MS } : {}),
    ...(e.MEMORY_READY_UNREACHABLE_MS ? { readyUnreachableMs: e.MEMORY_READY_UNREACHABLE_MS } : {}),
    ...(e.MEMORY_OUTBOX_RETENTION_HOURS ? { outboxRetentionHours: e.MEMORY_OUTBOX_RETENTION_HOURS } : {}),
  };
  if (out.mem0.mode === "embedded") {
    if (e.EMBEDDING_BASE_URL) {
      if (!e.EMBEDDING_MODEL || !e.EMBEDDING_DIMENSIONS) fail(["EMBEDDING_MODEL", "EMBEDDING_DIMENSIONS"]);
      out.mem0.embedder = {
        baseUrl: e.EMBEDDING_BASE_URL,
        model: e.EMBEDDING_MODEL,
        dimensions: e.EMBEDDING_DIMENSIONS,
        ...(e.EMBEDDING_API_KEY ? { apiKey: e.EMBEDDING_API_KEY } : {}),
      };
    }
    if (e.LLM_BASE_URL) {
      if (!e.LLM_MODEL) fail(["LLM_MODEL"]);
      out.mem0.llm = {
        baseUrl: e.LLM_BASE_URL,
        model: e.LLM_MODEL,
        ...(e.LLM_API_KEY ? { apiKey: e.LLM_API_KEY } : {}),
      };
    }
  }
  return out;
}
