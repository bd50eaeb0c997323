/**
 * Which legacy rows are in mem0, asked of mem0 itself (not the ledger): per scope, the scope's listing
 * mapped by metadata.legacy_id. Listings are cached per scope (bounded); a scope at the server's listing
 * cap cannot be listed completely, so its rows are looked up one by one instead.
 */
import type { Mem0Ids } from "@automatos/memory-policy";
import { findByLegacyId, LISTING_CAP } from "../mem0/find-by-legacy-id.js";
import type { Mem0Port } from "../mem0/mem0-port.js";
import { scopeKey } from "../plan/classify-row.js";

const MAX_CACHED_SCOPES = 256;

export class PresenceChecker {
  /** scope key -> (legacy id -> memories), or "too-large" when the listing hit the cap. */
  private readonly listings = new Map<string, Map<string, number> | "too-large">();

  constructor(
    private readonly mem0: Mem0Port,
    private readonly timeoutMs: number,
  ) {}

  /** Number of memories mem0 holds for the legacy row in its scope. */
  async count(ids: Mem0Ids, legacyId: string, probeText: string): Promise<number> {
    const listing = await this.listing(ids);
    if (listing !== "too-large") return listing.get(legacyId) ?? 0;
    return (await findByLegacyId(this.mem0, ids, legacyId, probeText, this.timeoutMs)).length;
  }

  private async listing(ids: Mem0Ids): Promise<Map<string, number> | "too-large"> {
    const key = scopeKey(ids);
    const cached = this.listings.get(key);
    if (cached) return cached;
    const all = await this.mem0.getAll(
      { userId: ids.user_id, agentId: ids.agent_id, runId: ids.run_id, topK: LISTING_CAP },
      { timeoutMs: this.timeoutMs },
    );
    let value: Map<string, number> | "too-large" = "too-large";
    if (all.length < LISTING_CAP) {
      value = new Map();
      for (const m of all) {
        // A {user_id} listing includes {user_id, agent_id} memories: count the exact tuple only.
        if ((m.userId ?? undefined) !== ids.user_id || (m.agentId ?? undefined) !== ids.agent_id) continue;
        if ((m.runId ?? undefined) !== ids.run_id) continue;
        const id = m.metadata?.legacy_id;
        if (typeof id === "string") value.set(id, (value.get(id) ?? 0) + 1);
      }
    }
    if (this.listings.size >= MAX_CACHED_SCOPES) {
      const oldest = this.listings.keys().next();
      if (!oldest.done) this.listings.delete(oldest.value);
    }
    this.listings.set(key, value);
    return value;
  }
}
