/**
 * The only file of this package that reads process.env (biome noProcessEnv). Library code takes options;
 * the CLI reads these once and lets command-line flags override them. Errors name the variable, never its
 * value (connection strings and keys carry secrets).
 */
import { z } from "zod";

const pgUrl = (name: string) =>
  z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, `${name} must be a postgres:// or postgresql:// URL`)
    .optional()
    .or(z.literal("").transform(() => undefined));

const envSchema = z.object({
  LEGACY_DATABASE_URL: pgUrl("LEGACY_DATABASE_URL"),
  DATABASE_URL: pgUrl("DATABASE_URL"),
  MEM0_API_URL: z
    .string()
    .trim()
    .regex(/^https?:\/\//, "MEM0_API_URL must be an http:// or https:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  MEM0_API_KEY: z.string().optional(),
  MEM0_DIALECT: z
    .enum(["server", "platform"], { error: 'MEM0_DIALECT must be "server" or "platform"' })
    .optional(),
});

export interface MigrationEnv {
  legacyDatabaseUrl?: string;
  /** Ledger, checkpoints and workspace modes (@automatos/db); unset: PGlite under .data/pg. */
  databaseUrl?: string;
  mem0Url?: string;
  mem0ApiKey?: string;
  mem0Dialect?: "server" | "platform";
}

export function readMigrationEnv(source: Record<string, string | undefined> = process.env): MigrationEnv {
  const parsed = envSchema.safeParse({
    LEGACY_DATABASE_URL: source.LEGACY_DATABASE_URL,
    DATABASE_URL: source.DATABASE_URL,
    MEM0_API_URL: source.MEM0_API_URL,
    MEM0_API_KEY: source.MEM0_API_KEY || undefined,
    MEM0_DIALECT: source.MEM0_DIALECT || undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `invalid ${issue?.path.join(".") ?? "environment"}: ${issue?.message ?? "invalid value"}`,
    );
  }
  const e = parsed.data;
  return {
    legacyDatabaseUrl: e.LEGACY_DATABASE_URL,
    databaseUrl: e.DATABASE_URL,
    mem0Url: e.MEM0_API_URL,
    mem0ApiKey: e.MEM0_API_KEY,
    mem0Dialect: e.MEM0_DIALECT,
  };
}

/** The environment a child process of ours inherits (tests and benchmarks spawn the CLI and stubs). */
export function inheritedEnv(extra: Record<string, string> = {}): Record<string, string | undefined> {
  return { ...process.env, ...extra };
}
