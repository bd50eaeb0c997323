import { resolve } from "node:path";
import { z } from "zod";

/** An OpenAI-compatible `POST {baseUrl}/embeddings` endpoint. */
export interface EmbedderOptions {
  baseUrl: string;
  apiKey?: string;
  model: string;
  dimensions: number;
  /** Per request; default 15 s. */
  timeoutMs?: number;
}

/** An OpenAI-compatible `POST {baseUrl}/chat/completions` endpoint, used for fact extraction (`infer`). */
export interface LlmOptions {
  baseUrl: string;
  apiKey?: string;
  model: string;
  /** Per request; default 30 s (the OpenAI SDK used by mem0 adds up to 2 retries). */
  timeoutMs?: number;
}

export const LOCAL_EMBEDDER_NAMES = ["minilm", "minilm-fp32", "lexical-v3"] as const;
export type LocalEmbedderName = (typeof LOCAL_EMBEDDER_NAMES)[number];

export type ProcessModel = "child-process" | "in-process";

export interface EmbeddedMem0Options {
  /** Everything (PGlite data, history, API key, mem0's config file) lives here; relative = from the cwd. */
  dataDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: "127.0.0.1";
  embedder?: EmbedderOptions;
  llm?: LlmOptions;
  /**
   * The offline embedder used when no `embedder` endpoint is given: "minilm" (default, all-MiniLM-L6-v2 on
   * onnxruntime, 384 dims, int8 linear layers), "minilm-fp32" (the same model in fp32: about 4x the CPU per
   * embedding, for measurement and for data dirs embedded with it) or "lexical-v3" (the earlier hand-written
   * hashing embedder, kept for measurement).
   */
  localEmbedder?: LocalEmbedderName;
  /** Dimensions of the "lexical-v3" embedder (default 1024); MiniLM is always 384. */
  localDimensions?: number;
  /**
   * false leaves the concept lexicon out of the "lexical-v3" embedder (default true). For measuring what the
   * lexicon contributes (bench/relevance); the embedder id says so, so such a data dir is not mixed up.
   */
  localLexicon?: boolean;
  /** Default "child-process": PGlite runs SQL on the JS thread and would stall the host (see README). */
  processModel?: ProcessModel;
  /** Request bodies above this are refused with 413 (default 2 MiB). */
  maxBodyBytes?: number;
  /**
   * Memory for the memories of lately searched scopes (vector, lexemes, payload), MB (default 256: ~87k
   * memories of 384 dims, ~3 KB each). Scoped search is an exact scan of their vectors in JS plus BM25 over
   * their lexemes (README, "Vectors in JS", "Words in JS"); a scope larger than this alone is searched in
   * SQL. 0 turns the cache off: every search is SQL (for measurement).
   */
  vectorCacheMb?: number;
}

export const DEFAULT_VECTOR_CACHE_MB = 256;

const httpUrl = z.url({ protocol: /^https?$/ });
const embedderSchema = z.object({
  baseUrl: httpUrl,
  apiKey: z.string().min(1).optional(),
  model: z.string().min(1),
  dimensions: z.number().int().min(16).max(8192),
  timeoutMs: z.number().int().positive().optional(),
});
const llmSchema = z.object({
  baseUrl: httpUrl,
  apiKey: z.string().min(1).optional(),
  model: z.string().min(1),
  timeoutMs: z.number().int().positive().optional(),
});
export const optionsSchema = z.object({
  dataDir: z.string().min(1),
  port: z.number().int().min(0).max(65535).optional(),
  host: z.literal("127.0.0.1").optional(),
  embedder: embedderSchema.optional(),
  llm: llmSchema.optional(),
  localEmbedder: z.enum(LOCAL_EMBEDDER_NAMES).optional(),
  localDimensions: z.number().int().min(16).max(4096).optional(),
  localLexicon: z.boolean().optional(),
  processModel: z.enum(["child-process", "in-process"]).optional(),
  maxBodyBytes: z
    .number()
    .int()
    .min(1024)
    .max(64 * 1024 * 1024)
    .optional(),
  vectorCacheMb: z.number().int().min(0).max(65_536).optional(),
});

/** Validates options; the error names the offending field, never a secret's value. */
export function parseOptions(input: EmbeddedMem0Options): EmbeddedMem0Options {
  const parsed = optionsSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const field = first?.path.join(".") || "options";
    throw new Error(`invalid startEmbeddedMem0 option "${field}": ${first?.message ?? "invalid"}`);
  }
  return { ...(parsed.data as EmbeddedMem0Options), dataDir: resolve(parsed.data.dataDir) };
}
