import { defineConfig } from "vitest/config";
import { workspaceFolders } from "./tooling/scripts/workspace-folders.mjs";

// Root entry: `pnpm exec vitest run` runs every package's project in one process (turbo runs them per package).
export default defineConfig({
  test: { projects: workspaceFolders(import.meta.dirname).map((folder) => `${folder}/*`) },
});
