/**
 * The platform paginates lists (`count/next/previous`, page_size <= 200). We never follow the `next` URL
 * itself: it is absolute, and sending our token to whatever host a response body names would leak it. We only
 * use `next` as a "there is more" flag and ask for the following page number on our own origin.
 */
import { type Exchange, parseWith } from "../core/exchange.js";
import { toMemory } from "../schemas/normalize.js";
import { platformPageResponse } from "../schemas/platform-schemas.js";
import type { CallOptions, Mem0Memory } from "../types.js";

const MAX_PAGE_SIZE = 200;
const parsePage = parseWith(platformPageResponse, (p) => ({ hasNext: Boolean(p.next), items: p.results }));

export async function collectPages(
  exchange: Exchange,
  filters: Record<string, unknown>,
  limit: number,
  opts: CallOptions | undefined,
): Promise<Mem0Memory[]> {
  const out: Mem0Memory[] = [];
  const pageSize = Math.max(1, Math.min(MAX_PAGE_SIZE, limit));
  for (let page = 1; out.length < limit; page++) {
    const { hasNext, items } = await exchange(
      { method: "POST", path: "/v3/memories/", query: { page, page_size: pageSize }, body: { filters } },
      // A POST, but a pure read: safe to retry.
      { safe: true, parse: parsePage },
      opts,
    );
    for (const item of items) {
      if (out.length >= limit) break;
      out.push(toMemory(item));
    }
    if (!hasNext || items.length === 0) break;
  }
  return out;
}

/** Entity ids as platform filters: one id is a plain equality, several are ANDed (v2/v3 filter syntax). */
export function platformFilters(ids: { user_id?: string; agent_id?: string; run_id?: string }) {
  const parts = Object.entries(ids).map(([k, v]) => ({ [k]: v }));
  if (parts.length === 1) return parts[0] as Record<string, unknown>;
  return parts.length === 0 ? {} : { AND: parts };
}
