import { mkdtempSync, readFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cpuDescription } from "./cpu-description.js";
import { readResults, writeResult } from "./results.js";
import { renderTable } from "./table.js";

describe("results file", () => {
  it("merges results by id in the documented shape and renders them", () => {
    const file = join(mkdtempSync(join(tmpdir(), "bench-")), "latest.json");
    expect(readResults(file)).toEqual({});
    writeResult("P4", { value: 3.1, unit: "x", bar: ">= 2x", pass: true, details: { a: 1 } }, file);
    writeResult("P1", { value: 0.4, unit: "ms", bar: "p50 <= 1 ms", pass: true, details: {} }, file);
    const parsed = JSON.parse(readFileSync(file, "utf8"));
    expect(Object.keys(parsed)).toEqual(["P1", "P4"]);
    expect(parsed.P4).toMatchObject({ value: 3.1, unit: "x", bar: ">= 2x", pass: true, details: { a: 1 } });
    expect(typeof parsed.P4.details.measuredAt).toBe("string");
    // Every figure carries the machine's load when it was written, as the OS reports it.
    expect(parsed.P4.details.loadAtWrite).toEqual({
      cpu: cpuDescription(),
      cores: cpus().length,
      loadAverage1m: expect.any(Number),
      loadAverage5m: expect.any(Number),
    });
    expect(parsed.P4.details.loadAtWrite.loadAverage1m).toBeGreaterThanOrEqual(0);
    const table = renderTable(parsed);
    expect(table).toContain("P4");
    expect(table).toContain("3.10 x");
  });
  it("rejects ids that are not target ids", () => {
    const file = join(mkdtempSync(join(tmpdir(), "bench-")), "latest.json");
    expect(() =>
      writeResult("latency", { value: 1, unit: "ms", bar: "", pass: true, details: {} }, file),
    ).toThrow(/must look like/);
  });
});
