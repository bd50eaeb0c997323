/**
 * An agent: a stable id (it becomes part of the agent's mem0 id, so it follows the policy's raw id
 * grammar), a display name and its instructions (the system prompt it works under).
 */
import { rawIdSchema } from "@automatos/memory-policy";
import { z } from "zod";

export const agentDefinitionSchema = z.strictObject({
  id: rawIdSchema,
  name: z.string().trim().min(1).max(80),
  instructions: z.string().trim().min(1).max(4_000),
});

export type AgentDefinition = z.infer<typeof agentDefinitionSchema>;
