/**
 * A configuration problem found at start. The message names each variable and what is wrong with its value
 * (never the value itself: several are secrets), then says what to run. Apps print it and exit non-zero.
 */
export class ConfigError extends Error {
  constructor(
    readonly app: string,
    readonly problems: string[],
  ) {
    super(
      [
        `${app}: invalid configuration`,
        ...problems.map((p) => `  - ${p}`),
        `Fix the variables above (table in apps/${app}/README.md#configuration; example in .env.example at the repository root).`,
        "To check that a mem0 endpoint answers, run `pnpm mem0:check` (success rate and p50/p95/p99).",
      ].join("\n"),
    );
    this.name = "ConfigError";
  }
}

export function isConfigError(e: unknown): e is ConfigError {
  return e instanceof ConfigError;
}
