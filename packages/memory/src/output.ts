/**
 * Output validation inside the resolver instead of tRPC's `.output()`: the same zod parse, without the extra
 * middleware level `.output()` adds (every level copies the context and adds async hops; on the in-process
 * path, measured by P2, the levels are most of our cost). A mismatch is our bug, never the caller's: it is an
 * INTERNAL_SERVER_ERROR whose details stay server-side (the formatter only describes zod errors for
 * BAD_REQUEST).
 */
import { TRPCError } from "@trpc/server";
import type { z } from "zod";

export function checkOutput<S extends z.ZodType>(schema: S, value: z.input<S>): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new TRPCError({
    code: "INTERNAL_SERVER_ERROR",
    message: "output validation failed",
    cause: parsed.error,
  });
}
