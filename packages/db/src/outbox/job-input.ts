import { createHash } from "node:crypto";
import { z } from "zod";
import type { OutboxPayload } from "../schema/outbox.js";
import { OutboxValidationError } from "./errors.js";

/** mem0's entity ids, snake_case as mem0 stores them (already resolved by @automatos/memory-policy). */
export interface Mem0Ids {
  user_id?: string;
  agent_id?: string;
  run_id?: string;
}

export interface EnqueueJob {
  idempotencyKey: string;
  mem0Ids: Mem0Ids;
  payload: OutboxPayload;
}

const entityId = z.string().min(1).max(256);

const jobSchema = z.object({
  idempotencyKey: z.string().trim().min(1).max(256),
  mem0Ids: z
    .object({ user_id: entityId.optional(), agent_id: entityId.optional(), run_id: entityId.optional() })
    .strict()
    .refine((ids) => ids.user_id || ids.agent_id || ids.run_id, {
      message: "at least one of user_id, agent_id, run_id is required",
    }),
  payload: z
    .object({
      messages: z.array(z.object({ role: z.string().min(1), content: z.string() }).strict()).min(1),
      metadata: z.record(z.string(), z.unknown()).optional(),
      infer: z.boolean().optional(),
      expirationDate: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD")
        .nullable()
        .optional(),
    })
    // Unknown payload keys would be stored but never sent: reject them instead of dropping them silently.
    .strict(),
});

/** Validates an enqueue request; throws OutboxValidationError naming the first bad field. */
export function parseEnqueueJob(input: unknown): EnqueueJob {
  const parsed = jobSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.length ? issue.path.join(".") : "job";
    throw new OutboxValidationError(field, issue?.message ?? "invalid outbox job");
  }
  return parsed.data as EnqueueJob;
}

/**
 * Fingerprint of what would be sent to mem0: the ids and the payload, serialised with sorted keys so the
 * same content hashes the same whatever the key order the caller used.
 */
export function payloadHash(job: Pick<EnqueueJob, "mem0Ids" | "payload">): string {
  return createHash("sha256")
    .update(canonicalJson({ ids: job.mem0Ids, payload: job.payload }))
    .digest("hex");
}

function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  // Dates and other objects with toJSON hash as the JSON they will be stored as.
  const toJSON = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof toJSON === "function") return canonicalJson(toJSON.call(value));
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}
