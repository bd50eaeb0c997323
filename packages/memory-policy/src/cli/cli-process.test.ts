import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Runs the real entry points in a child Node process (as `pnpm policy:*` does, through tsx) to check the
// wiring that the in-process tests cannot see: exit codes and which stream gets what.
const packageDir = fileURLToPath(new URL("../..", import.meta.url));
function run(script: string, args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", `src/cli/${script}`, ...args], {
    cwd: packageDir,
    encoding: "utf8",
    timeout: 30_000,
  });
}

describe("CLI processes", () => {
  it("policy:explain prints a resolution and exits 0", () => {
    const child = run("explain.ts", ["--app", "chatbot", "--workspace", "1", "--user", "42"]);
    expect(child.status).toBe(0);
    expect(child.stdout).toContain("user_id=workspace_1_user_42");
  });

  it("policy:explain exits 2 on a bad flag value, on stderr", () => {
    const child = run("explain.ts", ["--app", "chatbot", "--workspace", "1_user_2", "--user", "3"]);
    expect(child.status).toBe(2);
    expect(child.stdout).toBe("");
    expect(child.stderr).toMatch(/^error: --workspace: /);
  });

  it("policy:demo exits 0", () => {
    const child = run("demo.ts", []);
    expect(child.status).toBe(0);
    expect(child.stdout).toContain("NOT_FOUND: memory not found");
  });
});
