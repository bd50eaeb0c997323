/**
 * The decision for one legacy row, before de-duplication against earlier rows: migrate (with the mem0
 * request), skip (with a reason) or quarantine (with a reason). Pure: look-ups are passed in.
 *
 * Order matters and is deliberate:
 * 1. knowledge / pattern rows are skipped on `memory_type` alone (consolidation boilerplate);
 * 2. unreadable content is quarantined;
 * 3. turns without information (greetings, < 10 chars, empty) and dual-mode rows are skipped even if
 *    their owner cannot be resolved: a worthless row does not belong in the quarantine for manual review;
 * 4. unresolvable owners are quarantined.
 */
import type { AddRequest } from "@automatos/mem0-client";
import { type Mem0Ids, type Scope, toMem0Ids } from "@automatos/memory-policy";
import type { LegacyRow, OwnerLookups } from "../legacy/legacy-row.js";
import { addRequestOf, type MigratableContent, messagesOf, metadataOf } from "./build-request.js";
import type { ParsedContent } from "./parse-content.js";
import { type QuarantineReason, type ResolveOptions, resolveOwner } from "./resolve-owner.js";
import { dedupeKey, isGreeting, isTooShort } from "./text-rules.js";

export type SkipReason =
  | "knowledge"
  | "pattern_boilerplate"
  | "dual_write"
  | "greeting"
  | "too_short"
  | "empty"
  | "duplicate";

export interface ClassifyOptions extends ResolveOptions {
  infer: boolean;
}

export type Decision =
  | {
      kind: "migrate";
      row: LegacyRow;
      workspaceId: string;
      scope: Scope;
      mem0Ids: Mem0Ids;
      request: AddRequest;
      dedupeKey: string;
    }
  | { kind: "skip"; row: LegacyRow; reason: SkipReason; workspaceId: string | null }
  | { kind: "quarantine"; row: LegacyRow; reason: QuarantineReason; workspaceId: string | null };

const SKIPPED_TYPES: Record<string, SkipReason> = { knowledge: "knowledge", pattern: "pattern_boilerplate" };

/** Stable text key of a scope (its mem0 ids), used in dedupe keys and ledger look-ups. */
export function scopeKey(ids: Mem0Ids): string {
  return `${ids.user_id ?? ""}|${ids.agent_id ?? ""}|${ids.run_id ?? ""}`;
}

function textSkip(content: MigratableContent): SkipReason | null {
  if (content.kind === "conversation") {
    if (content.source === "dual_write") return "dual_write";
    if (content.userQuery.trim() === "" && content.assistantResponse.trim() === "") return "empty";
    if (isGreeting(content.userQuery)) return "greeting";
    if (isTooShort(content.userQuery)) return "too_short";
    return null;
  }
  if (content.kind === "agent-execution" && content.source === "dual_write") return "dual_write";
  if (content.text.trim() === "") return "empty";
  return isTooShort(content.text) ? "too_short" : null;
}

export function classifyRow(
  row: LegacyRow,
  content: ParsedContent,
  lookups: OwnerLookups,
  options: ClassifyOptions,
): Decision {
  const rowWs = row.workspaceId?.toLowerCase() ?? null;
  const typeSkip = SKIPPED_TYPES[row.memoryType.toLowerCase()];
  if (typeSkip) return { kind: "skip", row, reason: typeSkip, workspaceId: rowWs };
  if (content.kind === "pattern")
    return { kind: "skip", row, reason: "pattern_boilerplate", workspaceId: rowWs };

  const resolution = resolveOwner(row, content, lookups, options);
  if (content.kind === "invalid-json" || content.kind === "unknown") {
    return {
      kind: "quarantine",
      row,
      reason: content.kind === "invalid-json" ? "invalid_json" : "unknown_shape",
      workspaceId: rowWs,
    };
  }
  const skip = textSkip(content);
  if (skip) return { kind: "skip", row, reason: skip, workspaceId: resolution.workspaceId ?? rowWs };
  if (!resolution.ok)
    return { kind: "quarantine", row, reason: resolution.reason, workspaceId: resolution.workspaceId };

  const mem0Ids = toMem0Ids(resolution.scope);
  const messages = messagesOf(content);
  const metadata = metadataOf(row, content, resolution.workspaceId, resolution.via);
  return {
    kind: "migrate",
    row,
    workspaceId: resolution.workspaceId,
    scope: resolution.scope,
    mem0Ids,
    request: addRequestOf(mem0Ids, messages, metadata, options.infer),
    dedupeKey: dedupeKey(
      scopeKey(mem0Ids),
      messages.map((m) => m.content),
    ),
  };
}
