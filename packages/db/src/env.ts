import { z } from "zod";

/**
 * The only place @automatos/db reads the environment. Apps usually validate their own env and pass
 * `url` to createDb(); this helper serves the package's own entry points (db:migrate) and apps that want
 * the default behaviour: `DATABASE_URL` set -> PostgreSQL, unset -> PGlite under `.data/pg`.
 */
const dbEnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

export interface DbEnv {
  /** PostgreSQL connection string, or undefined for the embedded PGlite default. */
  url: string | undefined;
}

export function loadDbEnv(source: Record<string, string | undefined> = process.env): DbEnv {
  const parsed = dbEnvSchema.safeParse({ DATABASE_URL: source.DATABASE_URL });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // Never echo the value: a connection string carries a password.
    throw new Error(`invalid DATABASE_URL: ${issue?.message ?? "not a PostgreSQL URL"}`);
  }
  return { url: parsed.data.DATABASE_URL };
}
