/**
 * zod schemas for the hosted platform's bodies (mem0-contract §2.2). The platform calls run_id
 * `session_id` in some answers and nests the text under `data.memory` in add/event results.
 */
import { z } from "zod";
import { serverHistoryResponse, serverMemorySchema } from "./server-schemas.js";

const text = z.string().nullish();

export const platformMemorySchema = serverMemorySchema.extend({ session_id: text });
export type PlatformMemory = z.infer<typeof platformMemorySchema>;

export const platformAddedSchema = z
  .looseObject({
    id: z.string().min(1),
    memory: z.string().optional(),
    data: z.looseObject({ memory: z.string() }).optional(),
    event: z.string(),
  })
  .refine((r) => r.memory !== undefined || r.data !== undefined, {
    message: "memory or data.memory is required",
  })
  .transform((r) => ({ id: r.id, memory: r.memory ?? r.data?.memory ?? "", event: r.event }));

const pendingSchema = z.looseObject({ event_id: z.string().min(1), status: z.string() });
const syncAddSchema = z.looseObject({ results: z.array(platformAddedSchema) });

/** Async (`{event_id, status}`, the v1 API wrapped it in a one-element list) or synchronous (infer off). */
export const platformAddResponse = z.union([
  pendingSchema.transform((b) => ({ kind: "pending" as const, eventId: b.event_id })),
  z.tuple([pendingSchema]).transform(([b]) => ({ kind: "pending" as const, eventId: b.event_id })),
  syncAddSchema.transform((b) => ({ kind: "done" as const, results: b.results })),
]);

export const platformEventResponse = z.looseObject({
  id: z.string().optional(),
  status: z.enum(["PENDING", "RUNNING", "SUCCEEDED", "FAILED"]),
  results: z.array(platformAddedSchema).nullish(),
  error: z.union([z.string(), z.record(z.string(), z.unknown())]).nullish(),
});

export const platformSearchResponse = z.union([
  z.looseObject({ results: z.array(platformMemorySchema) }).transform((b) => b.results),
  z.array(platformMemorySchema),
]);

export const platformPageResponse = z.looseObject({
  count: z.number().int().nonnegative().optional(),
  next: z.string().nullish(),
  previous: z.string().nullish(),
  results: z.array(platformMemorySchema),
});

// Same row shape as the server's, plus fields we do not use (input, user_id, categories...).
export const platformHistoryResponse = serverHistoryResponse;

export const platformEntityPage = z.looseObject({
  next: z.string().nullish(),
  results: z.array(
    z.looseObject({
      id: z.union([z.string(), z.number()]).transform(String),
      name: z.string().optional(),
      type: z.string(),
      total_memories: z.number().int().nonnegative(),
      created_at: text,
      updated_at: text,
    }),
  ),
});

export const platformMessageResponse = z.looseObject({ message: z.string().optional() });
export const platformPing = z.looseObject({ status: z.string() });
