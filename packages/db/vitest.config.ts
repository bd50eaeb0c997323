import { defineProject, mergeConfig } from "vitest/config";
import { defineWorkspaceProject } from "../../tooling/vitest/base.ts";

// The shared config, plus one throwaway PostgreSQL for the run (src/testing/global-setup.ts). R1 keeps
// mem0 down for 30 s, so scenario tests set their own, longer timeouts.
export default mergeConfig(
  defineWorkspaceProject("db"),
  defineProject({ test: { globalSetup: ["src/testing/global-setup.ts"] } }),
);
