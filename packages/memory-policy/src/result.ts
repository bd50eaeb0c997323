/**
 * Result-style returns: policy decisions are values, not exceptions, so callers (the tRPC router, the
 * migration, the CLI) must handle the denial path explicitly and can map each code to their own error type.
 */

export type PolicyErrorCode =
  | "INVALID_ID"
  | "INVALID_PRINCIPAL"
  | "FORBIDDEN_SCOPE"
  | "NOT_FOUND"
  | "INVALID_FILTER"
  /** A malformed admin forget target (see forget.ts). */
  | "INVALID_TARGET";

export interface PolicyError {
  code: PolicyErrorCode;
  /** The input field at fault (e.g. "workspaceId", "filters.user_id"); never a tenant's data. */
  field?: string;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: PolicyError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err<T = never>(code: PolicyErrorCode, message: string, field?: string): Result<T> {
  return { ok: false, error: field === undefined ? { code, message } : { code, field, message } };
}

/**
 * The one answer for "this memory is not yours", whatever the reason (another tenant's memory, another scope
 * of the same tenant, malformed stored ids). Being byte-identical in every case is what keeps existence from
 * leaking: a caller cannot tell "exists elsewhere" from "does not exist".
 */
export const MEMORY_NOT_FOUND: Readonly<PolicyError> = Object.freeze({
  code: "NOT_FOUND",
  message: "memory not found",
});

export function notFound<T = never>(): Result<T> {
  return { ok: false, error: { ...MEMORY_NOT_FOUND } };
}
