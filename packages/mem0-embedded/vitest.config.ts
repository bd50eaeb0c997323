import { defineWorkspaceProject } from "../../tooling/vitest/base.ts";

export default defineWorkspaceProject("mem0-embedded");
