import { defineWorkspaceProject } from "../../tooling/vitest/base.ts";

// The suites start the real stack (embedded mem0 in its own process + PGlite): on a busy 2-core machine that
// alone can take half a minute, so hooks get more room than the shared default.
export default defineWorkspaceProject("memory-gateway", { timeoutMs: 120_000 });
