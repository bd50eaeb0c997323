// The only test file that reads process.env (biome's noProcessEnv rule allows files named env.ts).
export const testEnv = {
  /** In CI a missing PostgreSQL is a failure, not a skip. */
  ci: process.env.CI === "true" || process.env.CI === "1",
  /** An existing server to test against instead of starting a throwaway cluster (admin URL). */
  pgTestUrl: process.env.PG_TEST_URL || undefined,
};

/** The environment for a child process: this one's, plus `extra`. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
