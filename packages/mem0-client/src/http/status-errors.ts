/**
 * Turns a non-2xx answer into a Mem0Error. mem0 has four error body shapes (mem0-contract §1.4, §2.2):
 * `{detail: string}`, FastAPI's 422 `{detail: [{loc, msg, type}]}`, the 502 `{detail, code, request_id}`,
 * the rate limiter's / platform's `{error}` (sometimes with `details.message`), and plain text from an
 * unhandled 500. Anything else is kept as opaque, truncated text.
 */
import { z } from "zod";
import { Mem0Error, type Mem0ErrorKind } from "../errors.js";

const issueSchema = z.looseObject({
  loc: z.array(z.union([z.string(), z.number()])).optional(),
  msg: z.string().optional(),
});

const errorBodySchema = z.looseObject({
  detail: z.union([z.string(), z.array(issueSchema)]).optional(),
  error: z.string().optional(),
  details: z.looseObject({ message: z.string().optional() }).optional(),
  code: z.string().optional(),
  request_id: z.string().optional(),
});

// 502 codes that will not clear by themselves: a wrong provider key or a request the provider refuses.
const PERMANENT_UPSTREAM_CODES = new Set(["provider_auth_failed", "provider_bad_request"]);
const MAX_TEXT = 300;

export interface ResponseFacts {
  method: string;
  path: string;
  status: number;
  text: string;
  /** X-Request-ID from the response, when mem0 sent one. */
  responseRequestId?: string;
  /** The X-Request-ID we sent: the fallback when mem0 echoed none. */
  sentRequestId: string;
  retryAfterMs?: number;
}

interface ParsedBody {
  detail?: string;
  code?: string;
  bodyRequestId?: string;
  field?: string;
}

export function parseErrorBody(text: string): ParsedBody {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return text.trim() ? { detail: truncate(text.trim()) } : {};
  }
  const parsed = errorBodySchema.safeParse(json);
  if (!parsed.success) return { detail: truncate(text.trim()) };
  const body = parsed.data;
  const out: ParsedBody = {};
  if (typeof body.detail === "string") out.detail = body.detail;
  else if (Array.isArray(body.detail)) {
    out.detail = body.detail.map(describeIssue).join("; ");
    const loc = body.detail[0]?.loc?.filter((p) => p !== "body" && p !== "query" && p !== "path");
    if (loc && loc.length > 0) out.field = loc.join(".");
  } else if (body.details?.message) out.detail = body.details.message;
  else if (body.error) out.detail = body.error;
  if (body.code) out.code = body.code;
  if (body.request_id) out.bodyRequestId = body.request_id;
  return out;
}

function describeIssue(issue: z.infer<typeof issueSchema>): string {
  const where = (issue.loc ?? []).join(".");
  return where ? `${where}: ${issue.msg ?? "invalid"}` : (issue.msg ?? "invalid");
}

function truncate(s: string): string {
  return s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}…` : s;
}

function classify(status: number, code: string | undefined): { kind: Mem0ErrorKind; retryable: boolean } {
  if (status === 401 || status === 403) return { kind: "auth", retryable: false };
  if (status === 404) return { kind: "not_found", retryable: false };
  if (status === 408) return { kind: "timeout", retryable: true };
  if (status === 429) return { kind: "rate_limited", retryable: true };
  if (status === 502) {
    // An LLM provider's 429 reaches us as a 502 (mem0-contract §1.4).
    if (code === "provider_rate_limited") return { kind: "rate_limited", retryable: true };
    return { kind: "upstream", retryable: !PERMANENT_UPSTREAM_CODES.has(code ?? "") };
  }
  if (status === 503) return { kind: "unavailable", retryable: true };
  if (status === 504) return { kind: "timeout", retryable: true };
  if (status >= 500) return { kind: "upstream", retryable: false };
  if (status >= 400) return { kind: "validation", retryable: false };
  // 1xx/3xx: mem0 never answers a memory call like this; a proxy or a wrong base URL does.
  return { kind: "bad_response", retryable: false };
}

export function errorFromResponse(facts: ResponseFacts): Mem0Error {
  const body = parseErrorBody(facts.text);
  const { kind, retryable } = classify(facts.status, body.code);
  const what = body.detail ? `: ${body.detail}` : "";
  return new Mem0Error({
    kind,
    retryable,
    message: `mem0 answered ${facts.status} to ${facts.method} ${facts.path}${what}`,
    status: facts.status,
    detail: body.detail,
    code: body.code,
    requestId: facts.responseRequestId || body.bodyRequestId || facts.sentRequestId,
    retryAfterMs: facts.retryAfterMs,
    field: body.field,
  });
}
