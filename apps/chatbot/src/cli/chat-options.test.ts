import { describe, expect, it } from "vitest";
import { parseChatArgs } from "./chat-options.js";

describe("parseChatArgs", () => {
  it("has defaults that work with no flags", () => {
    expect(parseChatArgs([])).toEqual({
      ok: true,
      options: { workspaceId: "demo", userId: "me", conversationId: "terminal", showMemory: false },
    });
  });

  it("reads every flag", () => {
    const parsed = parseChatArgs([
      "--workspace",
      "acme",
      "--user",
      "42",
      "--conversation",
      "c-1",
      "--show-memory",
      "--token",
      "a.b.c",
    ]);
    expect(parsed).toEqual({
      ok: true,
      options: { workspaceId: "acme", userId: "42", conversationId: "c-1", showMemory: true, token: "a.b.c" },
    });
  });

  it.each([
    [["--workspace", "1_user_2"], "--workspace"],
    [["--user", "a b"], "--user"],
    [["--conversation", "has space"], "--conversation"],
  ])("rejects %j naming the flag, exit code 2", (argv, flag) => {
    const parsed = parseChatArgs(argv);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.exitCode).toBe(2);
    expect(parsed.output).toContain(`error: ${flag}:`);
  });

  it("rejects unknown flags (code 2) and answers --help (code 0)", () => {
    const unknown = parseChatArgs(["--show-memroy"]);
    expect(unknown).toMatchObject({ ok: false, exitCode: 2 });
    if (!unknown.ok) expect(unknown.output).toContain("--show-memory");
    const help = parseChatArgs(["--help"]);
    expect(help).toMatchObject({ ok: false, exitCode: 0 });
    if (!help.ok) expect(help.output).toContain("/memories");
  });
});
