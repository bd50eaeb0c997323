/**
 * The shared part of every app's configuration, already in its final shape: how to reach the memory router
 * (in this process on an embedded or remote mem0, or through the gateway) and which LLM to use (or none:
 * the offline responder).
 */
import { join, resolve } from "node:path";
import type { MemoryEnv } from "@automatos/memory/client";
import type { AppName } from "@automatos/memory-policy";
import {
  type CommonEnv,
  commonEnvSchema,
  crossCheckCommon,
  type LogLevel,
  optionalString,
  serviceTokenVar,
  validateEnv,
} from "./env-fields.js";

export type MemoryConnectionConfig =
  | { kind: "gateway"; url: string; serviceToken: string }
  | { kind: "in-process"; env: MemoryEnv };

export interface LlmConfig {
  baseUrl: string;
  apiKey?: string;
  model: string;
  timeoutMs: number;
}

export interface CommonConfig {
  memory: MemoryConnectionConfig;
  /** null: no LLM configured, the app answers with the offline responder. */
  llm: LlmConfig | null;
  /** MEMORY_RECALL_BUDGET_MS, sent with every recall (null: the router's default, 150 ms). */
  recallBudgetMs: number | null;
  logLevel: LogLevel;
}

function inProcessEnv(env: CommonEnv): MemoryEnv {
  const dataDir = resolve(env.MEMORY_DATA_DIR);
  const mem0: MemoryEnv["mem0"] = env.MEM0_API_URL
    ? {
        mode: "remote",
        url: env.MEM0_API_URL,
        dialect: env.MEM0_DIALECT,
        ...(env.MEM0_API_KEY ? { apiKey: env.MEM0_API_KEY } : {}),
      }
    : {
        mode: "embedded",
        dataDir: join(dataDir, "mem0"),
        ...(env.EMBEDDING_BASE_URL && env.EMBEDDING_MODEL
          ? {
              embedder: {
                baseUrl: env.EMBEDDING_BASE_URL,
                model: env.EMBEDDING_MODEL,
                dimensions: env.EMBEDDING_DIMENSIONS,
                ...(env.EMBEDDING_API_KEY ? { apiKey: env.EMBEDDING_API_KEY } : {}),
              },
            }
          : {}),
        // The same LLM lets the embedded mem0 extract facts (`infer`); without it adds are stored verbatim.
        ...(env.LLM_BASE_URL && env.LLM_MODEL
          ? {
              llm: {
                baseUrl: env.LLM_BASE_URL,
                model: env.LLM_MODEL,
                ...(env.LLM_API_KEY ? { apiKey: env.LLM_API_KEY } : {}),
              },
            }
          : {}),
      };
  return {
    mem0,
    database: { dataDir: join(dataDir, "pg"), ...(env.DATABASE_URL ? { url: env.DATABASE_URL } : {}) },
    logLevel: env.LOG_LEVEL,
    ...(env.MEMORY_RECALL_BUDGET_MS ? { recallBudgetMs: env.MEMORY_RECALL_BUDGET_MS } : {}),
  };
}

function toCommonConfig(env: CommonEnv, serviceToken: string | undefined): CommonConfig {
  return {
    memory:
      env.MEMORY_GATEWAY_URL && serviceToken
        ? { kind: "gateway", url: env.MEMORY_GATEWAY_URL, serviceToken }
        : { kind: "in-process", env: inProcessEnv(env) },
    llm:
      env.LLM_BASE_URL && env.LLM_MODEL
        ? {
            baseUrl: env.LLM_BASE_URL,
            model: env.LLM_MODEL,
            timeoutMs: env.LLM_TIMEOUT_MS,
            ...(env.LLM_API_KEY ? { apiKey: env.LLM_API_KEY } : {}),
          }
        : null,
    recallBudgetMs: env.MEMORY_RECALL_BUDGET_MS || null,
    logLevel: env.LOG_LEVEL,
  };
}

/** Validates the shared variables for `app`; `problems` is empty exactly when `config` is set. */
export function parseCommonEnv(
  app: AppName,
  source: Record<string, string | undefined>,
): { config: CommonConfig | null; problems: string[] } {
  const tokenVar = serviceTokenVar(app);
  const { data, problems } = validateEnv(commonEnvSchema, source);
  const token = optionalString.safeParse(source[tokenVar]);
  const serviceToken = token.success ? token.data : undefined;
  if (!data) return { config: null, problems };
  const crossProblems = crossCheckCommon(data, app, serviceToken);
  if (crossProblems.length > 0) return { config: null, problems: crossProblems };
  return { config: toCommonConfig(data, serviceToken), problems: [] };
}
