import { describe, expect, it } from "vitest";
import { parseDemoWorkspace } from "./demo-workspace.js";

describe("parseDemoWorkspace", () => {
  it("takes --workspace as given", () => {
    expect(parseDemoWorkspace(["--workspace", "acme"])).toEqual({ ok: true, workspaceId: "acme" });
  });

  it("picks a fresh demo workspace per run when unset", () => {
    const a = parseDemoWorkspace([]);
    const b = parseDemoWorkspace([]);
    expect(a.ok && a.workspaceId).toMatch(/^demo-[0-9a-f]{8}$/);
    expect(a).not.toEqual(b);
  });

  it("names an unknown flag", () => {
    const parsed = parseDemoWorkspace(["--nope"]);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toContain("--nope");
  });
});
