/**
 * Maps what mem0ai/oss throws onto the self-hosted server's answers: the engine's argument checks
 * (plain Errors, no codes) -> 400 `{"detail"}`, everything else -> 502 `{detail, code, request_id}` with a
 * code classified by walking `cause`, as server/errors.py does with `__cause__`/`__context__`.
 */
import { EmbedderError } from "../embedder/openai-compatible-embedder.js";
import { HttpError } from "./http-error.js";

export type UpstreamCode =
  | "provider_auth_failed"
  | "provider_rate_limited"
  | "provider_timeout"
  | "provider_unavailable"
  | "provider_bad_request"
  | "datastore_unavailable"
  | "vector_store_unavailable"
  | "unknown";

// Messages of the engine's own input validation (mem0ai/oss 3.3.1 memory/index.ts, vector_stores/pgvector.ts).
const ENGINE_VALIDATION = [
  /^Invalid (userId|agentId|runId|user_id|agent_id|run_id):/,
  /^filters must contain at least one of/,
  /^One of the filters: userId, agentId or runId is required/,
  /^Invalid threshold/,
  /^threshold must be/,
  /^(Invalid )?topK/,
  /^expirationDate must be/,
  /^At least one of text, metadata, or expirationDate/,
  /^Unsupported filter operator/,
  /^Invalid filter key/,
  /^messages (array|string|is required)/,
];

const FIXED_DETAIL: Record<Exclude<UpstreamCode, "unknown">, string> = {
  provider_auth_failed: "The model provider rejected the credentials.",
  provider_rate_limited: "The model provider rate-limited the request.",
  provider_timeout: "The model provider timed out.",
  provider_unavailable: "The model provider is unavailable.",
  provider_bad_request: "The model provider rejected the request.",
  datastore_unavailable: "The history store is unavailable.",
  vector_store_unavailable: "The vector store is unavailable.",
};

export function isEngineValidationError(err: unknown): err is Error {
  return (
    err instanceof Error &&
    !(err instanceof EmbedderError) &&
    ENGINE_VALIDATION.some((re) => re.test(err.message))
  );
}

export function toHttpError(err: unknown, requestId: string): HttpError {
  if (err instanceof HttpError) return err;
  if (isEngineValidationError(err)) return new HttpError(400, { detail: err.message });
  const code = classify(err);
  // Provider messages can quote credentials back; only our fixed texts leave the process for those.
  const detail =
    code === "unknown"
      ? String((err as Error)?.message ?? err).slice(0, 300) || "Unknown engine error."
      : FIXED_DETAIL[code];
  return new HttpError(502, { detail, code, request_id: requestId });
}

export function classify(err: unknown): UpstreamCode {
  for (
    let cur: unknown = err, depth = 0;
    cur && depth < 8;
    cur = (cur as { cause?: unknown }).cause, depth++
  ) {
    if (cur instanceof EmbedderError) return embedderCode(cur);
    const e = cur as { name?: string; status?: number; code?: string; message?: string };
    // The OpenAI SDK's error classes do not set `name`; their constructor names identify them.
    const name = (cur as object).constructor?.name ?? e.name ?? "";
    if (name === "APIConnectionTimeoutError") return "provider_timeout";
    if (name === "APIConnectionError") return "provider_unavailable";
    if (typeof e.status === "number" && name.endsWith("Error") && name !== "Error")
      return statusCode(e.status);
    if (name === "SqliteError" || e.name === "SqliteError") return "datastore_unavailable";
    const msg = e.message ?? "";
    if (
      /Connection terminated|ECONNREFUSED|ECONNRESET|Client was closed|not queryable|Client has encountered a connection error/i.test(
        msg,
      )
    )
      return "vector_store_unavailable";
  }
  return "unknown";
}

function embedderCode(e: EmbedderError): UpstreamCode {
  switch (e.kind) {
    case "timeout":
      return "provider_timeout";
    case "auth":
      return "provider_auth_failed";
    case "rate_limited":
      return "provider_rate_limited";
    case "bad_request":
      return "provider_bad_request";
    default:
      return "provider_unavailable";
  }
}

function statusCode(status: number): UpstreamCode {
  if (status === 401 || status === 403) return "provider_auth_failed";
  if (status === 429) return "provider_rate_limited";
  if (status === 408 || status === 504) return "provider_timeout";
  if (status >= 500) return "provider_unavailable";
  return "provider_bad_request";
}
