import { isCanonicalRawId, parseRawId } from "./raw-id.js";
import { err, ok, type Result } from "./result.js";
import type { Scope } from "./scope.js";

/** The entity ids exactly as mem0 stores them (snake_case). */
export interface Mem0Ids {
  user_id?: string;
  agent_id?: string;
  run_id?: string;
}

/** Ids read back from mem0, which reports an absent id as null. */
export interface StoredMem0Ids {
  user_id?: string | null;
  agent_id?: string | null;
  run_id?: string | null;
}

export type Mem0IdKind = "user" | "agent" | "run";

export interface ParsedMem0Id {
  workspaceId: string;
  kind: Mem0IdKind;
  id: string;
}

/** Raw ids contain no underscore, so this split is unambiguous: that is the whole injectivity argument. */
const MEM0_ID_PATTERN = /^workspace_([A-Za-z0-9-]{1,64})_(user|agent|run)_([A-Za-z0-9-]{1,64})$/;
const MEM0_ID_SHAPE = "workspace_{workspaceId}_{user|agent|run}_{id}";

function formatMem0Id(workspaceId: string, kind: Mem0IdKind, id: string): string {
  return `workspace_${workspaceId}_${kind}_${id}`;
}

function unwrap(result: Result<string>): string {
  if (!result.ok) throw new TypeError(`invalid scope: ${result.error.message}`);
  return result.value;
}

/**
 * Maps a scope to the mem0 ids to write with and filter on. Ids are validated and canonicalised here as
 * well, so even a hand-built Scope can never produce an ambiguous or non-canonical mem0 id. A Scope that
 * breaks the grammar is a programming error (scopes come from resolveScope / scopeSchema), hence a throw.
 */
export function toMem0Ids(scope: Scope): Mem0Ids {
  const w = unwrap(parseRawId("workspaceId", scope.workspaceId));
  switch (scope.kind) {
    case "user":
      return { user_id: formatMem0Id(w, "user", unwrap(parseRawId("userId", scope.userId))) };
    case "agent":
      return { agent_id: formatMem0Id(w, "agent", unwrap(parseRawId("agentId", scope.agentId))) };
    case "agent-user":
      return {
        user_id: formatMem0Id(w, "user", unwrap(parseRawId("userId", scope.userId))),
        agent_id: formatMem0Id(w, "agent", unwrap(parseRawId("agentId", scope.agentId))),
      };
    case "run":
      return { run_id: formatMem0Id(w, "run", unwrap(parseRawId("runId", scope.runId))) };
  }
}

/**
 * Inverse of the mapping for one id. Only canonical ids parse (a stored id with an upper-case UUID was not
 * written by us). The message never echoes the input: it may be another tenant's id.
 */
export function parseMem0Id(value: unknown, field = "mem0 id"): Result<ParsedMem0Id> {
  if (typeof value !== "string") return err("INVALID_ID", `${field} must be a string`, field);
  const match = MEM0_ID_PATTERN.exec(value);
  if (match === null) return err("INVALID_ID", `${field} does not match ${MEM0_ID_SHAPE}`, field);
  const [, workspaceId = "", kind, id = ""] = match;
  if (!isCanonicalRawId(workspaceId) || !isCanonicalRawId(id)) {
    return err("INVALID_ID", `${field} is not canonical (UUIDs must be lower case)`, field);
  }
  return ok({ workspaceId, kind: kind as Mem0IdKind, id });
}

function parseSlot(ids: StoredMem0Ids, field: keyof Mem0Ids, kind: Mem0IdKind): Result<ParsedMem0Id | null> {
  const value = ids[field];
  if (value === undefined || value === null) return ok(null);
  const parsed = parseMem0Id(value, field);
  if (!parsed.ok) return parsed;
  if (parsed.value.kind !== kind) return err("INVALID_ID", `${field} must hold a ${kind} id`, field);
  return parsed;
}

const TUPLE_RULE =
  "mem0 ids match no scope (expected {user_id}, {agent_id}, {user_id, agent_id} or {run_id})";

/**
 * Classifies a stored memory by its EXACT id tuple. mem0 matches a search on {user_id} against memories
 * written with {user_id, agent_id} too, so the tuple, not any single id, decides the scope.
 */
export function scopeFromMem0Ids(ids: StoredMem0Ids): Result<Scope> {
  const user = parseSlot(ids, "user_id", "user");
  if (!user.ok) return user;
  const agent = parseSlot(ids, "agent_id", "agent");
  if (!agent.ok) return agent;
  const run = parseSlot(ids, "run_id", "run");
  if (!run.ok) return run;
  const [u, a, r] = [user.value, agent.value, run.value];

  if (r !== null) {
    return u === null && a === null
      ? ok({ kind: "run", workspaceId: r.workspaceId, runId: r.id })
      : err("INVALID_ID", TUPLE_RULE, "ids");
  }
  if (u !== null && a !== null) {
    if (u.workspaceId !== a.workspaceId) {
      return err("INVALID_ID", "user_id and agent_id must belong to the same workspace", "ids");
    }
    return ok({ kind: "agent-user", workspaceId: u.workspaceId, agentId: a.id, userId: u.id });
  }
  if (u !== null) return ok({ kind: "user", workspaceId: u.workspaceId, userId: u.id });
  if (a !== null) return ok({ kind: "agent", workspaceId: a.workspaceId, agentId: a.id });
  return err("INVALID_ID", TUPLE_RULE, "ids");
}

/** True when a mem0 entity id (user_id / agent_id / run_id) belongs to `workspaceId` (canonical form). */
export function mem0IdInWorkspace(mem0Id: string, workspaceId: string): boolean {
  const parsed = parseMem0Id(mem0Id);
  const w = parseRawId("workspaceId", workspaceId);
  return parsed.ok && w.ok && parsed.value.workspaceId === w.value;
}

/**
 * The prefix every mem0 entity id of `workspaceId` starts with (`workspace_{w}_`), for stores that select one
 * workspace's rows by prefix (the outbox's dead letters). Raw ids contain no underscore, so no other
 * workspace's id starts with it ("workspace_w1_" is not a prefix of "workspace_w10_user_u"). A workspace id
 * that breaks the grammar is a programming error (it comes from a parsed principal), hence a throw.
 */
export function workspaceMem0IdPrefix(workspaceId: string): string {
  return `workspace_${unwrap(parseRawId("workspaceId", workspaceId))}_`;
}
