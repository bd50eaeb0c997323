/**
 * zod schemas for the self-hosted server's 2xx bodies (mem0-contract §1.5). Loose objects: the server adds
 * keys between engine versions (actor_id, role, score_details...), and an unknown key must not break a read.
 * Required keys are the ones the client cannot do without.
 */
import { z } from "zod";

const text = z.string().nullish();
const metadata = z.record(z.string(), z.unknown()).nullish();

export const serverMemorySchema = z.looseObject({
  id: z.string().min(1),
  memory: z.string(),
  hash: text,
  metadata,
  user_id: text,
  agent_id: text,
  run_id: text,
  created_at: text,
  updated_at: text,
  score: z.number().nullish(),
  expiration_date: text,
});
export type ServerMemory = z.infer<typeof serverMemorySchema>;

/** `{results: [...]}`; engines before 2.0 answered with the bare list, which costs nothing to accept. */
function resultsOf<T extends z.ZodType>(item: T) {
  return z.union([z.looseObject({ results: z.array(item) }).transform((b) => b.results), z.array(item)]);
}

export const serverAddedSchema = z.looseObject({
  id: z.string().min(1),
  memory: z.string(),
  event: z.string(),
});
export const serverAddResponse = resultsOf(serverAddedSchema);
export const serverListResponse = resultsOf(serverMemorySchema);

/** `GET /memories/{id}`: a memory, or `null` with status 200 when the id is unknown (mem0-contract §1.5). */
export const serverGetResponse = z.union([z.null(), serverMemorySchema]);

export const serverMessageResponse = z.looseObject({ message: z.string().optional() });

export const serverHistoryRow = z.looseObject({
  id: z.string(),
  memory_id: z.string(),
  old_memory: text,
  new_memory: text,
  event: z.string(),
  created_at: text,
  updated_at: text,
  // SQLite history stores may surface the flag as 0/1.
  is_deleted: z.union([z.boolean(), z.number()]).nullish(),
});
export type ServerHistoryRow = z.infer<typeof serverHistoryRow>;
export const serverHistoryResponse = z.array(serverHistoryRow);

export const serverEntity = z.looseObject({
  id: z.string(),
  type: z.string(),
  total_memories: z.number().int().nonnegative(),
  created_at: text,
  updated_at: text,
});
export type ServerEntity = z.infer<typeof serverEntity>;
export const serverEntitiesResponse = z.array(serverEntity);

export const serverSetupStatus = z.looseObject({ needsSetup: z.boolean() });
