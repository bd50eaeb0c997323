import { defineWorkspaceProject } from "../../tooling/vitest/base.ts";

// End-to-end files start an embedded mem0 and the gateway once per file: tens of seconds on a busy 2-core box.
export default defineWorkspaceProject("agents", { timeoutMs: 180_000 });
