/**
 * Procedure inputs. Every object is strict (an unknown key is an error, not silently dropped), every string,
 * array and number is bounded. No input carries a tenant id: the client may name a scope KIND, and the ids
 * come from the principal through the policy package. The one exception is the admin forget target,
 * authorised by the policy's FORGET_CAPABILITIES.
 */
import { rawIdSchema, SCOPE_KINDS } from "@automatos/memory-policy";
import { z } from "zod";
import { LIMITS } from "./limits.js";
import { filtersSchema, metadataSchema } from "./metadata.js";
import { STORABLE_TEXT } from "./text.js";

export const scopeKindSchema = z.enum(SCOPE_KINDS);
const scopeKindsSchema = z.array(scopeKindSchema).min(1).max(SCOPE_KINDS.length);

/** mem0 memory ids are UUIDs; anything else would reach mem0 as a malformed id (a 502 on the server). */
export const memoryIdSchema = z
  .string()
  .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, "must be a UUID");

export const messageSchema = z.strictObject({
  role: z.enum(["user", "assistant"]),
  content: z
    .string()
    .trim()
    .min(1)
    .max(LIMITS.messages.contentChars)
    .refine(...STORABLE_TEXT),
});

export const messagesSchema = z
  .array(messageSchema)
  .min(1)
  .max(LIMITS.messages.max)
  .refine((ms) => ms.reduce((n, m) => n + m.content.length, 0) <= LIMITS.messages.totalChars, {
    message: `total content must be at most ${LIMITS.messages.totalChars} characters`,
  });

export const recallInput = z.strictObject({
  /** The user's turn (what the gate looks at and what mem0 searches for). */
  query: z
    .string()
    .max(LIMITS.recallQueryChars)
    .refine(...STORABLE_TEXT),
  scopes: scopeKindsSchema.optional(),
  maxMemories: z
    .number()
    .int()
    .min(LIMITS.recallMaxMemories.min)
    .max(LIMITS.recallMaxMemories.max)
    .optional(),
  tokenBudget: z
    .number()
    .int()
    .min(LIMITS.recallTokenBudget.min)
    .max(LIMITS.recallTokenBudget.max)
    .optional(),
  timeBudgetMs: z
    .number()
    .int()
    .min(LIMITS.recallTimeBudgetMs.min)
    .max(LIMITS.recallTimeBudgetMs.max)
    .optional(),
  filters: filtersSchema.optional(),
});

export const searchInput = z.strictObject({
  query: z
    .string()
    .trim()
    .min(1)
    .max(LIMITS.queryChars)
    .refine(...STORABLE_TEXT),
  scopes: scopeKindsSchema.optional(),
  topK: z
    .number()
    .int()
    .min(LIMITS.searchTopK.min)
    .max(LIMITS.searchTopK.max)
    .default(LIMITS.searchTopK.default),
  threshold: z.number().min(0).max(1).optional(),
  filters: filtersSchema.optional(),
});

export const idempotencyKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]+$/, "may hold only letters, digits, '.', '_', ':' and '-'")
  .min(LIMITS.idempotencyKey.min)
  .max(LIMITS.idempotencyKey.max);

export const rememberInput = z.strictObject({
  messages: messagesSchema,
  scope: scopeKindSchema.optional(),
  metadata: metadataSchema.optional(),
  /** Same key + same turn = the same job (safe retries); same key + other content = CONFLICT. */
  idempotencyKey: idempotencyKeySchema.optional(),
  infer: z.boolean().optional(),
});

export const addInput = z.strictObject({
  messages: messagesSchema,
  scope: scopeKindSchema.optional(),
  metadata: metadataSchema.optional(),
  infer: z.boolean().optional(),
});

export const listInput = z
  .strictObject({
    scopes: scopeKindsSchema.optional(),
    limit: z
      .number()
      .int()
      .min(LIMITS.listLimit.min)
      .max(LIMITS.listLimit.max)
      .default(LIMITS.listLimit.default),
  })
  .default({ limit: LIMITS.listLimit.default });

export const byIdInput = z.strictObject({ id: memoryIdSchema });

export const updateInput = z
  .strictObject({
    id: memoryIdSchema,
    text: z
      .string()
      .trim()
      .min(1)
      .max(LIMITS.memoryTextChars)
      .refine(...STORABLE_TEXT)
      .optional(),
    metadata: metadataSchema.optional(),
  })
  .refine((u) => u.text !== undefined || u.metadata !== undefined, {
    message: "give text or metadata to change",
    path: ["text"],
  });

export const forgetInput = z.discriminatedUnion("kind", [
  /** Everything in one of the caller's own writable scopes. */
  z.strictObject({ kind: z.literal("scope"), scope: scopeKindSchema }),
  /** Operators only (policy FORGET_CAPABILITIES): a user's memories, agent-user ones included. */
  z.strictObject({ kind: z.literal("user"), workspaceId: rawIdSchema, userId: rawIdSchema }),
  /** Operators only: every memory of a workspace. */
  z.strictObject({ kind: z.literal("workspace"), workspaceId: rawIdSchema }),
]);

export type RecallInput = z.infer<typeof recallInput>;
export type SearchInput = z.infer<typeof searchInput>;
export type RememberInput = z.infer<typeof rememberInput>;
export type AddInput = z.infer<typeof addInput>;
export type ListInput = z.infer<typeof listInput>;
export type UpdateInput = z.infer<typeof updateInput>;
export type ForgetInput = z.infer<typeof forgetInput>;

/** Operators only: dead letters of the caller's workspace to list (newest first). */
export const deadLettersInput = z
  .strictObject({ limit: z.number().int().min(1).max(200).default(50) })
  .default({ limit: 50 });

/** Operators only: dead letters of the caller's workspace to move back to pending, by job id. */
export const retryDeadLettersInput = z.strictObject({ jobIds: z.array(z.uuid()).min(1).max(200) });
