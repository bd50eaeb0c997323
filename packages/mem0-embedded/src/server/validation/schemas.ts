/**
 * The self-hosted server's request models (server/main.py, see docs/mem0-contract.md §1.5), field by field.
 * Unknown keys are dropped, as Pydantic's default `extra="ignore"` does.
 */
import { z } from "zod";
import { bool, dict, float, int, literal, str } from "./pydantic.js";

export const messageSchema = z.object({ role: str(), content: str() });

export const memoryCreateSchema = z.object({
  messages: z.array(messageSchema),
  user_id: str().nullish(),
  agent_id: str().nullish(),
  run_id: str().nullish(),
  metadata: dict().nullish(),
  expiration_date: str().nullish(),
  infer: bool().nullish(),
  memory_type: str().nullish(),
  prompt: str().nullish(),
});
export type MemoryCreate = z.infer<typeof memoryCreateSchema>;

export const searchRequestSchema = z.object({
  query: str(),
  filters: dict().nullish(),
  user_id: str().nullish(),
  agent_id: str().nullish(),
  run_id: str().nullish(),
  top_k: int().nullish(),
  threshold: float().nullish(),
  explain: bool().nullish(),
  show_expired: bool().nullish(),
});
export type SearchRequest = z.infer<typeof searchRequestSchema>;

export const memoryUpdateSchema = z.object({
  text: str().nullish(),
  metadata: dict().nullish(),
  expiration_date: str().nullish(),
});

export const listQuerySchema = z.object({
  user_id: str().optional(),
  agent_id: str().optional(),
  run_id: str().optional(),
  top_k: int({ ge: 0, le: 1000 }).optional(),
  show_expired: bool().optional(),
});

export const idQuerySchema = z.object({
  user_id: str().optional(),
  agent_id: str().optional(),
  run_id: str().optional(),
});

export const ENTITY_TYPES = ["user", "agent", "run"] as const;
export const entityPathSchema = z.object({ entity_type: literal(ENTITY_TYPES), entity_id: str() });
