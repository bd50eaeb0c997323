import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { personaFile } from "./fixture.test-helpers.js";
import { loadRealMemBench } from "./load.js";
import { REALMEMBENCH_SOURCE } from "./source.js";

describe("loadRealMemBench", () => {
  const dir = mkdtempSync(join(tmpdir(), "rmb-fixture-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  for (const name of ["Dora", "Abe", "Cleo", "Ben"])
    writeFileSync(join(dir, `${name}_dialogues_256k.json`), JSON.stringify(personaFile(name)));
  writeFileSync(join(dir, "README.md"), "not a persona");

  it("splits personas by file name: first half dev, second half test", () => {
    const dev = loadRealMemBench(dir, "dev");
    const test = loadRealMemBench(dir, "test");
    expect("skipped" in dev ? dev : dev.personas).toEqual(["Abe", "Ben"]);
    expect("skipped" in test ? test : test.personas).toEqual(["Cleo", "Dora"]);
    expect("skipped" in test ? null : test.notes).toMatchObject({
      personaFiles: 4,
      queryTurns: 6,
      unmatchedEvidence: 2,
    });
  });

  it("skips with instructions (repository, commit, files) when the data is absent", () => {
    const out = loadRealMemBench(join(dir, "missing"), "test");
    expect("skipped" in out).toBe(true);
    const message = "skipped" in out ? out.skipped : "";
    expect(message).toContain(REALMEMBENCH_SOURCE.repository);
    expect(message).toContain(REALMEMBENCH_SOURCE.commit);
    expect(message).toContain("REALMEMBENCH_DIR");
  });

  it("names a file that is not JSON", () => {
    const bad = mkdtempSync(join(tmpdir(), "rmb-bad-"));
    try {
      writeFileSync(join(bad, "Zed_dialogues_256k.json"), "{");
      expect(() => loadRealMemBench(bad, "test")).toThrow(/^Zed_dialogues_256k\.json: not readable JSON/);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });
});
