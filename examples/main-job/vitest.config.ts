import { defineWorkspaceProject } from "../../tooling/vitest/base.ts";

export default defineWorkspaceProject("main-job", { timeoutMs: 120_000 });
