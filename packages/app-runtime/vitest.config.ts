import { defineWorkspaceProject } from "../../tooling/vitest/base.ts";

// The connection test starts an embedded mem0 and the gateway: tens of seconds on a busy 2-core box.
export default defineWorkspaceProject("app-runtime", { timeoutMs: 180_000 });
