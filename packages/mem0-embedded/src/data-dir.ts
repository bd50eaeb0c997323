/**
 * Layout of the data directory and the small files kept in it. Everything the embedded mem0 writes is here:
 *
 *   <dataDir>/pg/            PGlite (PostgreSQL 18 + pgvector) cluster: tables memories, memories_entities
 *   <dataDir>/history.db     mem0's SQLite history (memory_history, messages)
 *   <dataDir>/mem0-config/   MEM0_DIR: mem0's config.json (anonymous id; telemetry itself is off)
 *   <dataDir>/api-key        the X-API-Key, generated at first start, mode 0600
 *   <dataDir>/embedder.json  which embedder made the stored vectors (a different one is refused at start;
 *                            `pnpm mem0:reembed` moves a directory to the default embedder and rewrites it last)
 *   <dataDir>/LOCK           pid of the process that has the cluster open (PGlite is single-process)
 */
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_EMBEDDER_ID, MINILM_FP32_EMBEDDER_ID } from "./embedder/minilm/identity.js";

export interface DataDirLayout {
  root: string;
  pgDir: string;
  historyDb: string;
  mem0ConfigDir: string;
  apiKeyFile: string;
  embedderFile: string;
  lockFile: string;
}

export function dataDirLayout(root: string): DataDirLayout {
  return {
    root,
    pgDir: join(root, "pg"),
    historyDb: join(root, "history.db"),
    mem0ConfigDir: join(root, "mem0-config"),
    apiKeyFile: join(root, "api-key"),
    embedderFile: join(root, "embedder.json"),
    lockFile: join(root, "LOCK"),
  };
}

export function ensureDataDir(layout: DataDirLayout): void {
  mkdirSync(layout.root, { recursive: true, mode: 0o700 });
  mkdirSync(layout.mem0ConfigDir, { recursive: true, mode: 0o700 });
}

/** Reads the API key, creating it (32 random bytes, base64url) with mode 0600 at first start. */
export function loadOrCreateApiKey(layout: DataDirLayout): string {
  if (existsSync(layout.apiKeyFile)) {
    const key = readFileSync(layout.apiKeyFile, "utf8").trim();
    if (key.length >= 16) return key;
    throw new Error(
      `API key file ${layout.apiKeyFile} is shorter than 16 characters; delete it to regenerate`,
    );
  }
  const key = `m0emb_${randomBytes(32).toString("base64url")}`;
  writeFileSync(layout.apiKeyFile, `${key}\n`, { mode: 0o600, flag: "wx" });
  chmodSync(layout.apiKeyFile, 0o600); // umask may have narrowed nothing, but never widen
  return key;
}

export interface EmbedderIdentity {
  /** e.g. "all-minilm-l6-v2" or "openai-compatible:text-embedding-3-small". */
  name: string;
  dimensions: number;
}

/**
 * Vectors from different embedders (or dimensions) are not comparable, and the pgvector column has a
 * fixed dimension: refuse to start rather than return garbage.
 */
export function checkEmbedderIdentity(layout: DataDirLayout, current: EmbedderIdentity): void {
  const stored = readEmbedderIdentity(layout);
  if (!stored) {
    writeEmbedderIdentity(layout, current);
    return;
  }
  if (stored.name !== current.name || stored.dimensions !== current.dimensions)
    throw new Error(
      `data directory ${layout.root} holds vectors from embedder "${stored.name}" (${stored.dimensions} dims), ` +
        `but this start uses "${current.name}" (${current.dimensions} dims). ${remedy(layout, stored, current)}`,
    );
}

export function readEmbedderIdentity(layout: DataDirLayout): EmbedderIdentity | undefined {
  if (!existsSync(layout.embedderFile)) return undefined;
  return JSON.parse(readFileSync(layout.embedderFile, "utf8")) as EmbedderIdentity;
}

/** Temp file + rename: a crash leaves the old record or the new one, never half of one. */
export function writeEmbedderIdentity(layout: DataDirLayout, identity: EmbedderIdentity): void {
  const tmp = `${layout.embedderFile}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ name: identity.name, dimensions: identity.dimensions })}\n`);
  renameSync(tmp, layout.embedderFile);
}

/** The command that re-embeds a data directory in place with the default embedder. */
export function reembedCommand(root: string): string {
  return `pnpm mem0:reembed --data-dir ${JSON.stringify(root)}`;
}

function remedy(layout: DataDirLayout, stored: EmbedderIdentity, current: EmbedderIdentity): string {
  if (current.name === DEFAULT_EMBEDDER_ID && stored.name === MINILM_FP32_EMBEDDER_ID)
    return (
      `The default offline embedder is now "${current.name}": the same model with int8 linear layers (about ` +
      "4x less CPU per embedding; see packages/mem0-embedded/README.md). Re-embed the stored memories in " +
      `place (resumable, nothing is dropped): ${reembedCommand(layout.root)}, or keep this directory as it ` +
      'is with the fp32 model (localEmbedder "minilm-fp32").'
    );
  if (current.name === DEFAULT_EMBEDDER_ID && !stored.name.startsWith("openai-compatible:"))
    return (
      `The default offline embedder is now "${current.name}" (a sentence model, better recall; see ` +
      "packages/mem0-embedded/README.md) and old vectors cannot be compared with new ones. Re-embed the " +
      `stored memories in place (resumable, nothing is dropped): ${reembedCommand(layout.root)}`
    );
  if (current.name === DEFAULT_EMBEDDER_ID)
    return (
      "Configure the same embedding endpoint again (EMBEDDING_*), or move this directory to the offline " +
      `default by re-embedding it in place: ${reembedCommand(layout.root)}`
    );
  return "Use another data directory, or start with the original embedder and POST /reset.";
}

/**
 * One process per cluster: PGlite has no cross-process locking and two writers would corrupt it.
 * A lock left by a dead process is taken over.
 */
export function acquireLock(layout: DataDirLayout): () => void {
  const mine = String(process.pid);
  try {
    writeFileSync(layout.lockFile, mine, { flag: "wx" });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    const holder = Number(readFileSync(layout.lockFile, "utf8").trim());
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder))
      throw new Error(`data directory ${layout.root} is in use by process ${holder}`);
    writeFileSync(layout.lockFile, mine);
  }
  return () => {
    try {
      if (readFileSync(layout.lockFile, "utf8").trim() === mine) rmSync(layout.lockFile);
    } catch {
      // already gone
    }
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
