import { defineWorkspaceProject } from "../../tooling/vitest/base.ts";

// The browser test starts the real stack (embedded mem0 in its own process + PGlite) and Chromium: on a busy
// 2-core machine that alone can take a minute, so hooks get more room than the shared default.
export default defineWorkspaceProject("memory-console", { timeoutMs: 240_000 });
