/**
 * Procedure outputs, validated before they leave the server (mem0 data is parsed by the client already;
 * this guards what WE assemble). No raw mem0 ids: a memory reports the scope kind it belongs to.
 */
import { z } from "zod";
import { scopeKindSchema } from "./inputs.js";

export const memoryView = z.object({
  id: z.string(),
  text: z.string(),
  scope: scopeKindSchema,
  metadata: z.record(z.string(), z.unknown()).nullable(),
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
});

export const scoredMemoryView = memoryView.extend({ score: z.number() });

const ms = z.number().nonnegative();

export const recallOutput = z.object({
  /** The fenced block to place in the prompt ("" when there is nothing to add). */
  context: z.string(),
  memories: z.array(scoredMemoryView.extend({ tokens: z.number().int().nonnegative() })),
  skipped: z.enum(["empty", "no-content", "too-short", "acknowledgement", "greeting"]).nullable(),
  degraded: z.boolean(),
  degradedReason: z
    .enum(["timeout", "aborted", "mem0-unavailable", "mem0-error", "internal-error"])
    .nullable(),
  /** mem0 searches made for this turn (0 when the gate skipped it). */
  searches: z.number().int().nonnegative(),
  dropped: z.object({
    outOfScope: z.number().int().nonnegative(),
    belowFloor: z.number().int().nonnegative(),
    duplicate: z.number().int().nonnegative(),
    superseded: z.number().int().nonnegative(),
    overLimit: z.number().int().nonnegative(),
    overBudget: z.number().int().nonnegative(),
  }),
  tokens: z.object({ used: z.number().int().nonnegative(), budget: z.number().int().positive() }),
  timings: z.object({ gateMs: ms, searchMs: ms, postProcessMs: ms, totalMs: ms }),
});

export const searchOutput = z.object({
  memories: z.array(scoredMemoryView),
  searches: z.number().int().nonnegative(),
});

export const listOutput = z.object({
  memories: z.array(memoryView),
  limit: z.number().int().positive(),
  /** mem0 has no pagination: true when a scope returned `limit` memories, i.e. there may be more. */
  truncated: z.boolean(),
  paginated: z.literal(false),
});

export const rememberOutput = z.object({
  jobId: z.string(),
  status: z.string(),
  duplicate: z.boolean(),
  scope: scopeKindSchema,
});

export const addOutput = z.discriminatedUnion("status", [
  z.object({
    status: z.literal("done"),
    scope: scopeKindSchema,
    results: z.array(z.object({ id: z.string(), text: z.string(), event: z.string() })),
  }),
  z.object({ status: z.literal("pending"), scope: scopeKindSchema, eventId: z.string() }),
]);

export const updateOutput = z.object({ id: z.string(), updated: z.literal(true) });
export const deleteOutput = z.object({ id: z.string(), deleted: z.literal(true) });

export const historyOutput = z.object({
  id: z.string(),
  entries: z.array(
    z.object({
      event: z.string(),
      oldText: z.string().nullable(),
      newText: z.string().nullable(),
      createdAt: z.string().nullable(),
      updatedAt: z.string().nullable(),
      isDeleted: z.boolean(),
    }),
  ),
});

export const forgetOutput = z.object({
  kind: z.enum(["scope", "user", "workspace"]),
  /** Memories (scope) or mem0 entities (workspace) deleted; null when mem0 does not report a count. */
  deleted: z.number().int().nonnegative().nullable(),
  /** False when a bounded pass could not prove it deleted everything (see README: mem0 has no paging). */
  complete: z.boolean(),
});

export const healthOutput = z.object({
  ok: z.boolean(),
  mem0: z.object({
    reachable: z.boolean(),
    latencyMs: z.number().nonnegative().nullable(),
    breaker: z.enum(["closed", "open", "half-open"]),
    error: z.string().nullable(),
  }),
  outbox: z
    .object({
      pending: z.number().int().nonnegative(),
      inFlight: z.number().int().nonnegative(),
      dead: z.number().int().nonnegative(),
      oldestPendingAgeMs: z.number().nonnegative(),
    })
    .nullable(),
  inference: z.enum(["on", "off"]),
  migrationMode: z.string().nullable(),
});

export const deadLettersOutput = z.object({
  deadLetters: z.array(
    z.object({
      jobId: z.string(),
      failures: z.number().int().nonnegative(),
      lastError: z.string().nullable(),
      createdAt: z.string(),
      deadSince: z.string(),
    }),
  ),
});

export const retryDeadLettersOutput = z.object({
  /** How many of the requested jobs were dead (in the caller's workspace) and are pending again. */
  retried: z.number().int().nonnegative(),
  jobIds: z.array(z.string()),
});

export type MemoryView = z.infer<typeof memoryView>;
export type RecallOutput = z.infer<typeof recallOutput>;
export type ForgetOutput = z.infer<typeof forgetOutput>;
export type HealthOutput = z.infer<typeof healthOutput>;
