import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createFileRunRegistry } from "./file-run-registry.js";
import { createMemoryRunRegistry } from "./run-registry.js";

const dir = mkdtempSync(join(tmpdir(), "run-registry-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const entry = (runId: string, expiresAt: number) => ({
  runId,
  workflowId: "w",
  workspaceId: "acme",
  userId: "alice",
  expiresAt,
});

describe.each([
  ["in-process", () => createMemoryRunRegistry()],
  ["file", () => createFileRunRegistry(join(dir, `runs-${Math.random()}.json`))],
])("run registry (%s)", (_name, make) => {
  it("returns the expired runs, oldest first, and forgets removed ones", async () => {
    const registry = make();
    await registry.add(entry("r3", 300));
    await registry.add(entry("r1", 100));
    await registry.add(entry("r2", 200));
    expect((await registry.expired(200)).map((e) => e.runId)).toEqual(["r1", "r2"]);
    await registry.remove("r1");
    expect((await registry.expired(1_000)).map((e) => e.runId)).toEqual(["r2", "r3"]);
  });
});

describe("createFileRunRegistry", () => {
  it("survives a restart (a new instance on the same file) and never stores tokens", async () => {
    const path = join(dir, "nested", "runs.json");
    const first = createFileRunRegistry(path);
    await first.add(entry("r1", 100));
    await first.add({ ...entry("r2", 200), userToken: "secret.jwt.value" } as never);
    const second = createFileRunRegistry(path);
    expect((await second.all()).map((e) => e.runId)).toEqual(["r1", "r2"]);
    expect(readFileSync(path, "utf8")).not.toContain("secret.jwt.value");
  });

  it("refuses a file that is not a registry, naming the file", () => {
    const path = join(dir, "bad.json");
    writeFileSync(path, JSON.stringify({ version: 2, runs: [] }));
    expect(() => createFileRunRegistry(path)).toThrow(`run registry ${path}: not a registry file`);
  });
});
