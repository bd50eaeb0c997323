/**
 * The only module of this package that reads or writes `process.env` (biome rule noProcessEnv).
 *
 * mem0ai/oss reads MEM0_TELEMETRY once, at module load, and MEM0_DIR whenever it touches its config file,
 * so `prepareMem0ProcessEnv` must run BEFORE `import("mem0ai/oss")` (the engine module imports it
 * dynamically for that reason).
 */
import { resolve } from "node:path";
import { z } from "zod";
import type { EmbedderOptions, LlmOptions } from "./options.js";

export const DEFAULT_PORT = 8888;
export const DEFAULT_DATA_DIR = ".data/mem0";

/** Telemetry off and mem0's config directory inside our data directory: nothing in $HOME, nothing sent. */
export function prepareMem0ProcessEnv(mem0ConfigDir: string): void {
  process.env.MEM0_TELEMETRY = "false";
  process.env.MEM0_DIR = mem0ConfigDir;
}

/** Environment for the engine's child process: the parent's, with telemetry off from the first line. */
export function childProcessEnv(): NodeJS.ProcessEnv {
  return { ...process.env, MEM0_TELEMETRY: "false" };
}

const optionalUrl = z.url({ protocol: /^https?$/ }).optional();
const serveEnvSchema = z.object({
  MEM0_EMBEDDED_DATA_DIR: z.string().min(1).default(DEFAULT_DATA_DIR),
  MEM0_EMBEDDED_PORT: z.coerce.number().int().min(0).max(65535).default(DEFAULT_PORT),
  EMBEDDING_BASE_URL: optionalUrl,
  EMBEDDING_MODEL: z.string().min(1).optional(),
  EMBEDDING_API_KEY: z.string().min(1).optional(),
  EMBEDDING_DIMENSIONS: z.coerce.number().int().min(16).max(8192).optional(),
  LLM_BASE_URL: optionalUrl,
  LLM_MODEL: z.string().min(1).optional(),
  LLM_API_KEY: z.string().min(1).optional(),
});

export interface ServeEnv {
  dataDir: string;
  port: number;
  embedder?: EmbedderOptions;
  llm?: LlmOptions;
}

/** Settings of `pnpm mem0:embedded`. An invalid variable is an error that names it (never its value). */
export function readServeEnv(env: NodeJS.ProcessEnv = process.env): ServeEnv {
  const parsed = serveEnvSchema.safeParse(env);
  if (!parsed.success) {
    const names = [...new Set(parsed.error.issues.map((i) => String(i.path[0])))];
    throw new Error(`invalid environment variable(s): ${names.join(", ")}`);
  }
  const e = parsed.data;
  // Relative to where the user ran pnpm (INIT_CWD), not the package directory pnpm switches into.
  const base = env.INIT_CWD ?? process.cwd();
  const out: ServeEnv = { dataDir: resolve(base, e.MEM0_EMBEDDED_DATA_DIR), port: e.MEM0_EMBEDDED_PORT };
  if (e.EMBEDDING_BASE_URL) {
    if (!e.EMBEDDING_MODEL || !e.EMBEDDING_DIMENSIONS)
      throw new Error("EMBEDDING_BASE_URL needs EMBEDDING_MODEL and EMBEDDING_DIMENSIONS");
    out.embedder = {
      baseUrl: e.EMBEDDING_BASE_URL,
      model: e.EMBEDDING_MODEL,
      dimensions: e.EMBEDDING_DIMENSIONS,
      ...(e.EMBEDDING_API_KEY ? { apiKey: e.EMBEDDING_API_KEY } : {}),
    };
  }
  if (e.LLM_BASE_URL) {
    if (!e.LLM_MODEL) throw new Error("LLM_BASE_URL needs LLM_MODEL");
    out.llm = {
      baseUrl: e.LLM_BASE_URL,
      model: e.LLM_MODEL,
      ...(e.LLM_API_KEY ? { apiKey: e.LLM_API_KEY } : {}),
    };
  }
  return out;
}

/** A path the user typed, relative to where they ran pnpm (INIT_CWD), not the package directory. */
export function resolveFromInvocationDir(path: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.INIT_CWD ?? process.cwd(), path);
}

/** An optional integer variable in [min, max]; an error naming the variable (and what it got) otherwise. */
function intFromEnv(env: NodeJS.ProcessEnv, name: string, min: number, max: number): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === "") return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`${name} must be an integer in ${min}..${max}, got "${raw}"`);
  return n;
}

/** MEM0_EMBEDDED_ONNX_THREADS: onnxruntime's intra-op threads, for measuring (unset: the default). */
export function onnxThreadsFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  return intFromEnv(env, "MEM0_EMBEDDED_ONNX_THREADS", 1, 64);
}

/**
 * MEM0_EMBEDDED_EMBEDDING_CACHE: how many recent texts' vectors the MiniLM embedder keeps (0 = off), for
 * benchmarks that must time the model on every query (unset: the default, embedder/text-vector-cache.ts).
 */
export function embeddingCacheFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  return intFromEnv(env, "MEM0_EMBEDDED_EMBEDDING_CACHE", 0, 1_000_000);
}

/**
 * For latency benchmarks (P5, the search stages, P10's latency columns): engines started after this call, in
 * this process or its children (they inherit the variable), embed every query instead of answering a text
 * they saw lately from the text-vector cache, because those benches ask some texts more than once.
 */
export function embedEveryQuery(): void {
  process.env.MEM0_EMBEDDED_EMBEDDING_CACHE = "0";
}
