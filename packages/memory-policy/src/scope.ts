import { z } from "zod";
import { rawIdSchema } from "./raw-id.js";

export const SCOPE_KINDS = ["user", "agent", "agent-user", "run"] as const;
/**
 * - `user`: what the workspace's user said (workspace + user)
 * - `agent`: what an agent knows, shared in a workspace (workspace + agent)
 * - `agent-user`: what one agent knows about one user (workspace + agent + user)
 * - `run`: memory shared by the steps of one workflow run (workspace + run)
 */
export type ScopeKind = (typeof SCOPE_KINDS)[number];

export type Scope =
  | { kind: "user"; workspaceId: string; userId: string }
  | { kind: "agent"; workspaceId: string; agentId: string }
  | { kind: "agent-user"; workspaceId: string; agentId: string; userId: string }
  | { kind: "run"; workspaceId: string; runId: string };

export type AccessMode = "read" | "write";

/** zod schema for a scope (ids validated and canonicalised), for callers that receive scopes as data. */
export const scopeSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("user"), workspaceId: rawIdSchema, userId: rawIdSchema }),
  z.strictObject({ kind: z.literal("agent"), workspaceId: rawIdSchema, agentId: rawIdSchema }),
  z.strictObject({
    kind: z.literal("agent-user"),
    workspaceId: rawIdSchema,
    agentId: rawIdSchema,
    userId: rawIdSchema,
  }),
  z.strictObject({ kind: z.literal("run"), workspaceId: rawIdSchema, runId: rawIdSchema }),
]) satisfies z.ZodType<Scope, unknown>;

/** A short, tenant-free description of a scope kind for messages ("scope \"agent\""). */
export function describeKind(kind: ScopeKind): string {
  return `scope "${kind}"`;
}
