import { describe, expect, it } from "vitest";
import { EXIT_USAGE, runExplain } from "./explain-command.js";

const W = "3f2a9c1e-0000-4000-8000-000000000001";

describe("runExplain: usage errors exit 2 naming the flag", () => {
  const cases: { name: string; input: string[]; expected: { exitCode: number; stderr: RegExp } }[] = [
    {
      name: "missing --app",
      input: ["--workspace", W, "--user", "42"],
      expected: { exitCode: EXIT_USAGE, stderr: /^error: --app: app is required/ },
    },
    {
      name: "unknown app",
      input: ["--app", "crm", "--workspace", W, "--user", "42"],
      expected: { exitCode: EXIT_USAGE, stderr: /^error: --app: app must be one of chatbot/ },
    },
    {
      name: "missing --workspace",
      input: ["--app", "chatbot", "--user", "42"],
      expected: { exitCode: EXIT_USAGE, stderr: /^error: --workspace: workspaceId is required/ },
    },
    {
      name: "underscore in --workspace",
      input: ["--app", "chatbot", "--workspace", "1_user_2", "--user", "3"],
      expected: { exitCode: EXIT_USAGE, stderr: /^error: --workspace: workspaceId must be 1-64 characters/ },
    },
    {
      name: "underscore in --user",
      input: ["--app", "chatbot", "--workspace", "1", "--user", "2_user_3"],
      expected: { exitCode: EXIT_USAGE, stderr: /^error: --user: userId must be/ },
    },
    {
      name: "bad --agent",
      input: ["--app", "agents", "--workspace", "1", "--user", "2", "--agent", "a b"],
      expected: { exitCode: EXIT_USAGE, stderr: /^error: --agent: agentId must be/ },
    },
    {
      name: "bad --run",
      input: ["--app", "workflows", "--workspace", "1", "--user", "2", "--run", ""],
      expected: { exitCode: EXIT_USAGE, stderr: /^error: --run: runId must be/ },
    },
    {
      name: "unknown flag",
      input: ["--app", "chatbot", "--workspace", "1", "--user", "2", "--agnt", "7"],
      expected: { exitCode: EXIT_USAGE, stderr: /unknown option '--agnt'/ },
    },
    {
      name: "flag without value",
      input: ["--app", "chatbot", "--workspace", "1", "--user"],
      expected: { exitCode: EXIT_USAGE, stderr: /option '--user <id>' argument missing/ },
    },
    {
      name: "stray argument",
      input: ["--app", "chatbot", "--workspace", "1", "--user", "2", "extra"],
      expected: { exitCode: EXIT_USAGE, stderr: /too many arguments/ },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const outcome = runExplain(c.input);
      expect(outcome.exitCode).toBe(c.expected.exitCode);
      expect(outcome.stderr).toMatch(c.expected.stderr);
      expect(outcome.stdout).toBe("");
    });
  }
});

describe("runExplain: successful resolutions", () => {
  it("prints the chatbot user's read and write scopes with mem0 ids", () => {
    const outcome = runExplain(["--app", "chatbot", "--workspace", W.toUpperCase(), "--user", "42"]);
    expect(outcome).toMatchObject({ exitCode: 0, stderr: "" });
    const lines = outcome.stdout.split("\n");
    const user = `  user        user_id=workspace_${W}_user_42`;
    expect(lines.slice(lines.indexOf("Read (1 scope)"), lines.indexOf("Read (1 scope)") + 2)).toEqual([
      "Read (1 scope)",
      user,
    ]);
    expect(lines.slice(lines.indexOf("Write (1 scope)"), lines.indexOf("Write (1 scope)") + 2)).toEqual([
      "Write (1 scope)",
      user,
    ]);
  });

  it("--json prints the same explanation as data", () => {
    const outcome = runExplain([
      "--app",
      "workflows",
      "--workspace",
      W,
      "--user",
      "42",
      "--run",
      "9",
      "--json",
    ]);
    expect(outcome.exitCode).toBe(0);
    const parsed = JSON.parse(outcome.stdout);
    expect(parsed.write).toEqual([
      { scope: { kind: "run", workspaceId: W, runId: "9" }, mem0Ids: { run_id: `workspace_${W}_run_9` } },
    ]);
    expect(parsed.read.map((l: { scope: { kind: string } }) => l.scope.kind)).toEqual(["user", "run"]);
  });

  it("--help exits 0 and lists every flag", () => {
    const outcome = runExplain(["--help"]);
    expect(outcome.exitCode).toBe(0);
    for (const flag of ["--app", "--workspace", "--user", "--agent", "--run", "--json"])
      expect(outcome.stdout).toContain(flag);
  });
});
