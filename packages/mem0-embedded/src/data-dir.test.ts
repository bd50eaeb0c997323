import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  acquireLock,
  checkEmbedderIdentity,
  dataDirLayout,
  ensureDataDir,
  loadOrCreateApiKey,
  readEmbedderIdentity,
  writeEmbedderIdentity,
} from "./data-dir.js";
import { LOCAL_EMBEDDER_ID } from "./embedder/local-embedder.js";
import {
  DEFAULT_EMBEDDER_ID,
  MINILM_DIMENSIONS,
  MINILM_FP32_EMBEDDER_ID,
} from "./embedder/minilm/identity.js";

const dirs: string[] = [];
function layout() {
  const dir = mkdtempSync(join(tmpdir(), "m0e-dd-"));
  dirs.push(dir);
  const l = dataDirLayout(join(dir, "data"));
  ensureDataDir(l);
  return l;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("data directory", () => {
  it("creates the API key once, mode 0600, and reads it back", () => {
    const l = layout();
    const key = loadOrCreateApiKey(l);
    expect(key).toMatch(/^m0emb_[A-Za-z0-9_-]{43}$/);
    expect(statSync(l.apiKeyFile).mode & 0o777).toBe(0o600);
    expect(loadOrCreateApiKey(l)).toBe(key);
  });

  it("refuses a data directory made by another embedder", () => {
    const l = layout();
    checkEmbedderIdentity(l, { name: "local-hash-v1", dimensions: 384 });
    expect(() => checkEmbedderIdentity(l, { name: "local-hash-v1", dimensions: 384 })).not.toThrow();
    expect(() => checkEmbedderIdentity(l, { name: "openai-compatible:m", dimensions: 384 })).toThrow(
      /holds vectors/,
    );
  });

  it("refuses a data directory of an earlier local embedder, naming the re-embed command", () => {
    for (const earlier of [
      { name: "local-hash-v1", dimensions: 512 },
      { name: LOCAL_EMBEDDER_ID, dimensions: 1024 },
    ]) {
      const l = layout();
      checkEmbedderIdentity(l, earlier);
      expect(() =>
        checkEmbedderIdentity(l, { name: DEFAULT_EMBEDDER_ID, dimensions: MINILM_DIMENSIONS }),
      ).toThrow(
        new RegExp(
          `holds vectors from embedder "${earlier.name}" \\(${earlier.dimensions} dims\\).*` +
            `pnpm mem0:reembed --data-dir "${l.root}"`,
        ),
      );
    }
  });

  it("refuses an fp32 MiniLM directory under the int8 default, naming both ways on", () => {
    const l = layout();
    checkEmbedderIdentity(l, { name: MINILM_FP32_EMBEDDER_ID, dimensions: MINILM_DIMENSIONS });
    expect(() =>
      checkEmbedderIdentity(l, { name: DEFAULT_EMBEDDER_ID, dimensions: MINILM_DIMENSIONS }),
    ).toThrow(/int8 linear layers.*pnpm mem0:reembed --data-dir .*"minilm-fp32"/);
  });

  it("records the embedder atomically and reads it back", () => {
    const l = layout();
    expect(readEmbedderIdentity(l)).toBeUndefined();
    writeEmbedderIdentity(l, { name: DEFAULT_EMBEDDER_ID, dimensions: MINILM_DIMENSIONS });
    expect(readEmbedderIdentity(l)).toEqual({ name: DEFAULT_EMBEDDER_ID, dimensions: MINILM_DIMENSIONS });
    expect(() =>
      checkEmbedderIdentity(l, { name: DEFAULT_EMBEDDER_ID, dimensions: MINILM_DIMENSIONS }),
    ).not.toThrow();
  });

  it("takes over a lock left by a dead process, and releases its own", () => {
    const l = layout();
    writeFileSync(l.lockFile, "999999999");
    const release = acquireLock(l);
    release();
    expect(() => statSync(l.lockFile)).toThrow();
  });
});
