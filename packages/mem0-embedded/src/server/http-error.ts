/**
 * Errors with the self-hosted server's status codes and bodies (docs/mem0-contract.md §1.4).
 */
import type { z } from "zod";
import { type LocRoot, toPydanticErrors } from "./validation/pydantic.js";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`);
  }
}

/** 400 `{"detail": "..."}`: what the server answers for a ValueError from the engine. */
export const badRequest = (detail: string) => new HttpError(400, { detail });

export const notFound = (detail = "Not Found") => new HttpError(404, { detail });

export const unauthorized = (detail: string) =>
  new HttpError(401, { detail }, { "www-authenticate": "Bearer" });

/** Parses `input` with `schema`, or throws FastAPI's 422 `{"detail":[...]}`. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  loc: LocRoot,
  modelName?: string,
): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new HttpError(422, { detail: toPydanticErrors(parsed.error, loc, input, modelName) });
}
