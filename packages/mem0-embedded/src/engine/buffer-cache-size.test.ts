import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  clusterDataBytes,
  MAX_SHARED_BUFFERS_MB,
  MIN_SHARED_BUFFERS_MB,
  sharedBuffersMbFor,
} from "./buffer-cache-size.js";

const MB = 1024 * 1024;

describe("sharedBuffersMbFor", () => {
  it("keeps PostgreSQL's default for a small or new cluster", () => {
    expect(sharedBuffersMbFor(0)).toBe(MIN_SHARED_BUFFERS_MB);
    expect(sharedBuffersMbFor(40 * MB)).toBe(MIN_SHARED_BUFFERS_MB);
  });
  it("holds the data plus a quarter, in 16 MB steps", () => {
    // 437 MB (the 100k-memory P5 cluster) -> 546.25 -> 560
    expect(sharedBuffersMbFor(437 * MB)).toBe(560);
  });
  it("never exceeds the cap", () => {
    expect(sharedBuffersMbFor(5_000 * MB)).toBe(MAX_SHARED_BUFFERS_MB);
    expect(sharedBuffersMbFor(5_000 * MB, 256)).toBe(256);
  });
});

describe("clusterDataBytes", () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it("sums the files under base/ only (WAL excluded)", () => {
    dir = mkdtempSync(join(tmpdir(), "m0e-bufsize-"));
    mkdirSync(join(dir, "base", "5"), { recursive: true });
    mkdirSync(join(dir, "pg_wal"));
    writeFileSync(join(dir, "base", "5", "16384"), Buffer.alloc(3000));
    writeFileSync(join(dir, "base", "5", "16385"), Buffer.alloc(1000));
    writeFileSync(join(dir, "pg_wal", "000001"), Buffer.alloc(9000));
    expect(clusterDataBytes(dir)).toBe(4000);
  });
  it("is 0 for an in-memory or not yet created cluster", () => {
    expect(clusterDataBytes(undefined)).toBe(0);
    expect(clusterDataBytes(join(tmpdir(), "m0e-does-not-exist"))).toBe(0);
  });
});
