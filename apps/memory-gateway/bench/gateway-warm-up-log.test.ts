import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readGatewayWarmUp } from "./gateway-warm-up-log.js";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function logOf(...lines: object[]): string {
  dir = mkdtempSync(join(tmpdir(), "warm-up-log-"));
  writeFileSync(join(dir, "gateway.log"), `${lines.map((l) => JSON.stringify(l)).join("\n")}\n`);
  return dir;
}

describe("readGatewayWarmUp", () => {
  it("reads the warm-up's report", () => {
    const at = logOf(
      { msg: "embedded mem0 started" },
      { msg: "warm-up done", turns: 300, degraded: 24, ms: 4631, delivered: true, forgotten: true },
      { msg: "gateway listening" },
    );
    expect(readGatewayWarmUp(at)).toEqual({
      ran: true,
      turns: 300,
      degraded: 24,
      ms: 4631,
      delivered: true,
      forgotten: true,
    });
  });

  it("says why there was none", () => {
    expect(readGatewayWarmUp(logOf({ msg: "warm-up skipped", reason: "mem0 is remote" }))).toEqual({
      ran: false,
      reason: "mem0 is remote",
    });
    expect(readGatewayWarmUp(logOf({ msg: "gateway listening" })).ran).toBe(false);
  });
});
