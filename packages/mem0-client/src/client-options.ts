/** Validates Mem0ClientOptions once, fills defaults, and derives the auth headers and the secrets list. */
import { z } from "zod";
import { validationError } from "./errors.js";
import type { Mem0ClientOptions, Mem0Dialect } from "./types.js";

export const DEFAULTS = {
  connectMs: 5_000,
  // add with inference makes an LLM call plus embeddings: seconds, sometimes tens of seconds (§1.6, §4).
  headersMs: 30_000,
  bodyMs: 30_000,
  connections: 32,
  maxAttempts: 3,
  baseDelayMs: 100,
  maxDelayMs: 2_000,
  consecutiveFailures: 5,
  halfOpenAfterMs: 5_000,
  pollIntervalMs: 500,
  pollDeadlineMs: 30_000,
} as const;

const positive = z.number().int().positive();
const schema = z.object({
  baseUrl: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }),
  dialect: z.enum(["server", "platform"]).default("server"),
  apiKey: z.string().min(1).optional(),
  bearerToken: z.string().min(1).optional(),
  timeouts: z
    .object({ connectMs: positive.optional(), headersMs: positive.optional(), bodyMs: positive.optional() })
    .optional(),
  connections: positive.max(1024).optional(),
  retry: z
    .object({
      maxAttempts: positive.max(10).optional(),
      baseDelayMs: z.number().int().nonnegative().optional(),
      maxDelayMs: z.number().int().nonnegative().optional(),
    })
    .optional(),
  breaker: z
    .object({
      consecutiveFailures: positive.optional(),
      halfOpenAfterMs: z.number().int().nonnegative().optional(),
    })
    .optional(),
  eventPoll: z.object({ intervalMs: positive.optional(), deadlineMs: positive.optional() }).optional(),
});

export interface ResolvedOptions {
  baseUrl: string;
  dialect: Mem0Dialect;
  authHeaders: Record<string, string>;
  secrets: string[];
  timeouts: { connectMs: number; headersMs: number; bodyMs: number };
  connections: number;
  retry: { maxAttempts: number; baseDelayMs: number; maxDelayMs: number };
  breaker: { consecutiveFailures: number; halfOpenAfterMs: number };
  eventPoll: { intervalMs: number; deadlineMs: number };
}

export function resolveOptions(input: Mem0ClientOptions): ResolvedOptions {
  const { dispatcher: _d, logger: _l, ...plain } = input ?? ({} as Mem0ClientOptions);
  const r = schema.safeParse(plain);
  if (!r.success) {
    const issue = r.error.issues[0];
    // Never echo the offending value: it may be a key pasted into the wrong field.
    throw validationError(`options.${issue?.path.join(".") || "(root)"}`, issue?.message ?? "is invalid");
  }
  const o = r.data;
  if (o.dialect === "platform" && o.bearerToken) {
    throw validationError("options.bearerToken", "the platform dialect authenticates with apiKey (Token)");
  }
  return {
    baseUrl: o.baseUrl,
    dialect: o.dialect,
    authHeaders: authHeaders(o.dialect, o.apiKey, o.bearerToken),
    secrets: [o.apiKey, o.bearerToken].filter((s): s is string => Boolean(s)),
    timeouts: {
      connectMs: o.timeouts?.connectMs ?? DEFAULTS.connectMs,
      headersMs: o.timeouts?.headersMs ?? DEFAULTS.headersMs,
      bodyMs: o.timeouts?.bodyMs ?? DEFAULTS.bodyMs,
    },
    connections: o.connections ?? DEFAULTS.connections,
    retry: {
      maxAttempts: o.retry?.maxAttempts ?? DEFAULTS.maxAttempts,
      baseDelayMs: o.retry?.baseDelayMs ?? DEFAULTS.baseDelayMs,
      maxDelayMs: o.retry?.maxDelayMs ?? DEFAULTS.maxDelayMs,
    },
    breaker: {
      consecutiveFailures: o.breaker?.consecutiveFailures ?? DEFAULTS.consecutiveFailures,
      halfOpenAfterMs: o.breaker?.halfOpenAfterMs ?? DEFAULTS.halfOpenAfterMs,
    },
    eventPoll: {
      intervalMs: o.eventPoll?.intervalMs ?? DEFAULTS.pollIntervalMs,
      deadlineMs: o.eventPoll?.deadlineMs ?? DEFAULTS.pollDeadlineMs,
    },
  };
}

function authHeaders(dialect: Mem0Dialect, apiKey?: string, bearer?: string): Record<string, string> {
  const h: Record<string, string> = { accept: "application/json" };
  if (dialect === "platform") {
    if (apiKey) h.authorization = `Token ${apiKey}`;
  } else if (bearer) {
    // The server lets a Bearer header win over X-API-Key (§1.2); send only one to avoid ambiguity.
    h.authorization = `Bearer ${bearer}`;
  } else if (apiKey) {
    h["x-api-key"] = apiKey;
  }
  return h;
}
