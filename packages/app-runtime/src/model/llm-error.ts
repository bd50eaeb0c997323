/**
 * A failed LLM call, with a message an operator can act on: what failed, against which host, and what to
 * check. Never the API key, never the prompt.
 */
export type LlmErrorKind = "timeout" | "unreachable" | "http" | "bad_response";

export class LlmError extends Error {
  constructor(
    readonly kind: LlmErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "LlmError";
  }
}

export function isLlmError(e: unknown): e is LlmError {
  return e instanceof LlmError;
}
