/**
 * The legacy mirror of a remembered turn travels through the outbox like the mem0 add does, so it is as
 * durable: stored in the same transaction as the mem0 job, retried with backoff when the legacy database is
 * down, dead-lettered (and visible in `health`, `ok: false`) rather than dropped. The relay tells the two
 * apart by a reserved metadata key (see mirroring-writer.ts); callers may not use that key themselves.
 */
import { createHash } from "node:crypto";
import { type Scope, toMem0Ids } from "@automatos/memory-policy";
import type { LegacyOwner, LegacyTurn, OutboxJob } from "./ports.js";

export const MIRROR_KEY = "automatos_legacy_mirror";

/** The legacy owner of a scope; null for scopes the legacy store has no form for (agent-user, run). */
export function legacyOwnerOf(scope: Scope): LegacyOwner | null {
  if (scope.kind === "user") return { kind: "user", workspaceId: scope.workspaceId, userId: scope.userId };
  if (scope.kind === "agent")
    return { kind: "agent", workspaceId: scope.workspaceId, agentId: scope.agentId };
  return null;
}

/** A UUID derived from the remember's scoped idempotency key: the same turn always names the same row. */
export function mirrorRowId(scopedKey: string): string {
  const h = createHash("sha256").update(`legacy-mirror:${scopedKey}`).digest("hex");
  // Version 8 (custom) and the RFC 4122 variant, so it is a well-formed UUID for the legacy uuid column.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((Number.parseInt(h[16] as string, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The outbox job that writes the legacy row. No timestamp in the payload (the row gets its delivery time):
 * a client retrying with the same idempotency key must produce the same payload, or the outbox reports a
 * conflict.
 */
export function mirrorJob(
  scope: Scope,
  owner: LegacyOwner,
  scopedKey: string,
  origin: LegacyTurn["origin"],
  messages: { role: string; content: string }[],
): OutboxJob {
  return {
    idempotencyKey: `legacy-mirror:${scopedKey.replace(/^remember:/, "")}`,
    mem0Ids: toMem0Ids(scope),
    payload: { messages, metadata: { [MIRROR_KEY]: { v: 1, rowId: mirrorRowId(scopedKey), origin, owner } } },
  };
}

/**
 * The legacy turn a relayed request carries, or null for an ordinary mem0 add. The owner must be the one
 * the request's mem0 ids were made from, so a forged marker can never write outside the job's own scope.
 */
export function legacyTurnOf(req: {
  messages: { role: string; content: string }[];
  userId?: string;
  agentId?: string;
  runId?: string;
  metadata?: Record<string, unknown>;
}): LegacyTurn | null {
  const marker = req.metadata?.[MIRROR_KEY] as
    | { v?: unknown; rowId?: unknown; origin?: unknown; owner?: LegacyOwner }
    | undefined;
  if (marker === undefined) return null;
  const owner = marker.owner;
  if (
    marker.v !== 1 ||
    typeof marker.rowId !== "string" ||
    (marker.origin !== "dual" && marker.origin !== "legacy") ||
    !owner ||
    (owner.kind !== "user" && owner.kind !== "agent")
  ) {
    throw new MirrorJobError("malformed legacy mirror marker");
  }
  const ids = toMem0Ids(owner.kind === "user" ? { ...owner } : { ...owner });
  if (ids.user_id !== req.userId || ids.agent_id !== req.agentId || req.runId !== undefined) {
    throw new MirrorJobError("legacy mirror owner does not match the job's mem0 ids");
  }
  return { rowId: marker.rowId, origin: marker.origin, owner, messages: req.messages };
}

/** A mirror job that can never succeed: `kind: "validation"` makes the relay dead-letter it at once. */
export class MirrorJobError extends Error {
  override readonly name = "MirrorJobError";
  readonly kind = "validation";
}
