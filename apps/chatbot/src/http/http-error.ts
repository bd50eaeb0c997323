/**
 * Errors the HTTP API answers with: a status, a stable code and a message that names the field when the
 * request was wrong. Memory errors arrive as tRPC errors (in process or from the gateway) and are mapped
 * by their code; nothing else (stacks, causes, secrets) reaches the body.
 */
import { TRPCClientError } from "@trpc/client";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

const FROM_TRPC: Record<string, [number, string]> = {
  BAD_REQUEST: [400, "BAD_REQUEST"],
  NOT_FOUND: [404, "NOT_FOUND"],
  CONFLICT: [409, "CONFLICT"],
  TOO_MANY_REQUESTS: [429, "TOO_MANY_REQUESTS"],
  TIMEOUT: [504, "MEMORY_TIMEOUT"],
  SERVICE_UNAVAILABLE: [503, "MEMORY_UNAVAILABLE"],
};

/** A memory call failed: keep client errors (400, 404) as they are, everything else is the memory side's. */
export function fromMemoryError(e: unknown): HttpError {
  if (e instanceof TRPCClientError) {
    const data = e.data as { code?: string; field?: string | null } | undefined;
    const mapped = data?.code ? FROM_TRPC[data.code] : undefined;
    if (mapped) return new HttpError(mapped[0], mapped[1], e.message, data?.field ?? undefined);
    // UNAUTHORIZED from the gateway means our service token or its JWT settings disagree with ours.
    return new HttpError(502, "MEMORY_ERROR", "the memory service refused or failed the call");
  }
  return new HttpError(502, "MEMORY_ERROR", "the memory service could not be reached");
}
