import { defineConfig } from "vitest/config";

// Root entry: `pnpm exec vitest run` runs every package's project in one process (turbo runs them per package).
export default defineConfig({
  test: { projects: ["packages/*", "apps/*", "tooling/*", "examples/*", "bench/*"] },
});
