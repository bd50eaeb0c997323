import { defineProject } from "vitest/config";

/**
 * The one vitest configuration every package uses (re-exported by each package's vitest.config.ts and
 * collected by the root vitest.config.ts as projects).
 *
 * - Real PGlite / mem0 engines start in 2-3 s, so hooks and tests get generous timeouts.
 * - mem0 reads MEM0_TELEMETRY at import time: it must be off before any test file loads it.
 * - Each package's `test` script adds a JSON reporter (.reports/vitest.json) that
 *   tooling/scripts/test-summary.mjs sums into one closing line for CI.
 */
export function defineWorkspaceProject(name: string, overrides: { timeoutMs?: number } = {}) {
  const timeout = overrides.timeoutMs ?? 60_000;
  return defineProject({
    test: {
      name,
      // bench/: pure helpers of a package's benchmarks (parsers, bars) are tested like its source.
      include: ["src/**/*.test.ts", "tests/**/*.test.ts", "bench/**/*.test.ts"],
      environment: "node",
      testTimeout: timeout,
      hookTimeout: timeout,
      pool: "forks",
      env: { MEM0_TELEMETRY: "false", NODE_ENV: "test" },
    },
  });
}
