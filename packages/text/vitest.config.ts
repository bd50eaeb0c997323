import { defineWorkspaceProject } from "../../tooling/vitest/base.ts";

export default defineWorkspaceProject("text");
