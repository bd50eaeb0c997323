/**
 * One place that turns failures into tRPC errors. Messages are ours and generic (mem0's `detail`, SQL errors
 * and undici messages can carry URLs, keys or tenant data); the original error stays as `cause` for
 * server-side logs and never reaches the client (the error formatter drops stacks and causes).
 */
import type { PolicyError } from "@automatos/memory-policy";
import { TRPCError } from "@trpc/server";

type Code = TRPCError["code"];

/** Mem0Error is recognised structurally so that a second copy of the client module cannot defeat the check. */
interface Mem0ErrorLike {
  name: "Mem0Error";
  kind: string;
  status?: number;
}

export function isMem0ErrorLike(e: unknown): e is Mem0ErrorLike {
  return e instanceof Error && e.name === "Mem0Error" && typeof (e as { kind?: unknown }).kind === "string";
}

const MEM0_KIND: Record<string, { code: Code; message: string }> = {
  timeout: { code: "TIMEOUT", message: "mem0 did not answer in time" },
  aborted: { code: "CLIENT_CLOSED_REQUEST", message: "the request was cancelled" },
  unavailable: { code: "SERVICE_UNAVAILABLE", message: "mem0 is unavailable" },
  circuit_open: { code: "SERVICE_UNAVAILABLE", message: "mem0 is unavailable (circuit open)" },
  rate_limited: { code: "TOO_MANY_REQUESTS", message: "mem0 is rate limiting requests" },
  upstream: { code: "BAD_GATEWAY", message: "mem0 failed to process the request" },
  bad_response: { code: "BAD_GATEWAY", message: "mem0 sent an unexpected response" },
  auth: { code: "BAD_GATEWAY", message: "mem0 rejected the service credentials" },
  not_found: { code: "NOT_FOUND", message: "memory not found" },
  validation: { code: "BAD_REQUEST", message: "mem0 rejected the request as invalid" },
};

const POLICY_CODE: Record<PolicyError["code"], Code> = {
  INVALID_ID: "BAD_REQUEST",
  INVALID_FILTER: "BAD_REQUEST",
  INVALID_TARGET: "BAD_REQUEST",
  INVALID_PRINCIPAL: "UNAUTHORIZED",
  FORBIDDEN_SCOPE: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
};

/** A policy refusal as a tRPC error; its message is tenant-free by the policy package's contract. */
export function policyError(e: PolicyError): TRPCError {
  return new TRPCError({
    code: POLICY_CODE[e.code],
    message: e.field ? `${e.field}: ${e.message}` : e.message,
    cause: e,
  });
}

/** The one NOT_FOUND for by-id operations: identical for "missing" and "someone else's". */
export function memoryNotFound(): TRPCError {
  return new TRPCError({ code: "NOT_FOUND", message: "memory not found" });
}

export function toTRPCError(e: unknown): TRPCError {
  if (e instanceof TRPCError) {
    // tRPC wraps anything a resolver throws into INTERNAL_SERVER_ERROR; look inside for what we know.
    if (e.code === "INTERNAL_SERVER_ERROR" && e.cause && !(e.cause instanceof TRPCError)) {
      const inner = toTRPCError(e.cause);
      if (inner.code !== "INTERNAL_SERVER_ERROR") return inner;
    }
    return e;
  }
  if (isMem0ErrorLike(e)) {
    const mapped = MEM0_KIND[e.kind] ?? { code: "BAD_GATEWAY" as Code, message: "mem0 request failed" };
    return new TRPCError({ ...mapped, cause: e });
  }
  if (e instanceof Error && e.name === "OutboxConflictError") {
    return new TRPCError({
      code: "CONFLICT",
      message: "idempotencyKey: already used for different content; a retry must send exactly the same turn",
      cause: e,
    });
  }
  if (e instanceof Error && e.name === "OutboxValidationError") {
    const field = (e as { field?: unknown }).field;
    return new TRPCError({
      code: "BAD_REQUEST",
      message: `${typeof field === "string" ? field : "input"}: rejected by the outbox`,
      cause: e,
    });
  }
  if (e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError")) {
    return new TRPCError({ code: "TIMEOUT", message: "the operation timed out", cause: e });
  }
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "internal error", cause: e });
}
