/**
 * Finds the memories a legacy row already produced in mem0, by `metadata.legacy_id` in the row's scope.
 *
 * Why: a run can die between mem0's add and the ledger write (or an add can time out after mem0 stored it).
 * Before re-sending such a row the migration asks mem0 itself, so a resume never creates a duplicate.
 * First a search filtered on legacy_id (metadata equality, threshold 0 so nothing is gated by similarity),
 * then, if that finds nothing, the scope's listing (server cap 1,000) filtered client-side.
 */
import type { Mem0Memory } from "@automatos/mem0-client";
import type { Mem0Ids } from "@automatos/memory-policy";
import type { Mem0Port } from "./mem0-port.js";

export const LISTING_CAP = 1000;

const ofRow = (legacyId: string) => (m: Mem0Memory) => m.metadata?.legacy_id === legacyId;

export async function findByLegacyId(
  mem0: Mem0Port,
  ids: Mem0Ids,
  legacyId: string,
  probeText: string,
  timeoutMs: number,
): Promise<string[]> {
  const hits = await mem0.search(
    {
      query: probeText.slice(0, 500) || legacyId,
      filters: { ...ids, legacy_id: legacyId },
      topK: 50,
      threshold: 0,
    },
    { timeoutMs },
  );
  const found = hits.filter(ofRow(legacyId));
  if (found.length > 0) return found.map((m) => m.id);
  const all = await mem0.getAll(
    { userId: ids.user_id, agentId: ids.agent_id, runId: ids.run_id, topK: LISTING_CAP },
    { timeoutMs },
  );
  return all.filter(ofRow(legacyId)).map((m) => m.id);
}
