/**
 * Sends one migratable row to mem0 and turns the outcome into its ledger write. A row that may already be
 * in mem0 (in flight when a run died, or failed ambiguously: a timeout can land after mem0 stored it) is
 * looked up by legacy_id first and never re-sent if found.
 */
import { isMem0Error } from "@automatos/mem0-client";
import type { LedgerWrite } from "../ledger/ledger-store.js";
import { findByLegacyId } from "../mem0/find-by-legacy-id.js";
import type { Mem0Port } from "../mem0/mem0-port.js";
import type { Decision } from "../plan/classify-row.js";

type Migrate = Extract<Decision, { kind: "migrate" }>;

/** Error kinds after which mem0 may or may not have stored the add. */
const AMBIGUOUS = new Set(["timeout", "upstream", "unavailable", "bad_response", "unknown"]);

export function mayBeInMem0(previous: { status: string; errorKind: string | null } | undefined): boolean {
  if (!previous) return false;
  if (previous.status === "in_flight") return true;
  return previous.status === "failed" && AMBIGUOUS.has(previous.errorKind ?? "unknown");
}

export interface SendOutcome {
  write: LedgerWrite;
  result: "migrated" | "recovered" | "failed";
}

const MAX_ERROR_CHARS = 500;

export function scopeColumns(d: Migrate): Pick<LedgerWrite, "userId" | "agentId" | "runId"> {
  return {
    userId: d.mem0Ids.user_id ?? null,
    agentId: d.mem0Ids.agent_id ?? null,
    runId: d.mem0Ids.run_id ?? null,
  };
}

export async function sendRow(
  mem0: Mem0Port,
  d: Migrate,
  options: { lookupFirst: boolean; timeoutMs: number },
): Promise<SendOutcome> {
  const base: LedgerWrite = {
    legacyId: d.row.id,
    workspaceId: d.workspaceId,
    status: "done",
    dedupeKey: d.dedupeKey,
    ...scopeColumns(d),
  };
  try {
    if (options.lookupFirst) {
      const probe = d.request.messages.map((m) => m.content).join("\n");
      const existing = await findByLegacyId(mem0, d.mem0Ids, d.row.id, probe, options.timeoutMs);
      if (existing.length > 0) {
        return { result: "recovered", write: { ...base, mem0MemoryIds: existing } };
      }
    }
    const added = await mem0.add(d.request, {
      timeoutMs: options.timeoutMs,
      requestId: `migration-${d.row.id}`,
    });
    const write: LedgerWrite =
      added.status === "done"
        ? { ...base, attempts: 1, mem0MemoryIds: added.results.map((r) => r.id) }
        : { ...base, attempts: 1, mem0MemoryIds: null, mem0EventId: added.eventId };
    return { result: "migrated", write };
  } catch (err) {
    const kind = isMem0Error(err) ? err.kind : "unknown";
    const message = err instanceof Error ? err.message : String(err);
    return {
      result: "failed",
      write: {
        ...base,
        status: "failed",
        attempts: 1,
        errorKind: kind,
        error: message.slice(0, MAX_ERROR_CHARS),
      },
    };
  }
}
