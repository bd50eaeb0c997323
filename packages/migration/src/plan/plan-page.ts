/** Parse, look up owners (batched) and classify one page of legacy rows. */
import type { LegacyRow } from "../legacy/legacy-row.js";
import type { OwnerLookupCache } from "../legacy/owner-lookups.js";
import type { LegacySession } from "../legacy/read-rows.js";
import { type ClassifyOptions, classifyRow, type Decision } from "./classify-row.js";
import { parseContent } from "./parse-content.js";

export async function planPage(
  session: LegacySession,
  cache: OwnerLookupCache,
  rows: readonly LegacyRow[],
  options: ClassifyOptions,
): Promise<Decision[]> {
  const parsed = rows.map((row) => ({ row, content: parseContent(row.content) }));
  const lookups = await cache.forPage(session, parsed);
  return parsed.map(({ row, content }) => classifyRow(row, content, lookups, options));
}

/**
 * De-duplication within a page and against earlier holders of the same key (`holders`: dedupe key -> legacy
 * id of the row that claimed it). The first row in chronological order wins; later ones become
 * `skip: duplicate`. Returns the decisions and the legacy id each duplicate repeats.
 */
export function dedupeDecisions(
  decisions: readonly Decision[],
  holders: ReadonlyMap<string, string>,
): { decisions: Decision[]; duplicateOf: Map<string, string> } {
  const seen = new Map(holders);
  const duplicateOf = new Map<string, string>();
  const out = decisions.map((d): Decision => {
    if (d.kind !== "migrate") return d;
    const holder = seen.get(d.dedupeKey);
    if (holder !== undefined && holder !== d.row.id) {
      duplicateOf.set(d.row.id, holder);
      return { kind: "skip", row: d.row, reason: "duplicate", workspaceId: d.workspaceId };
    }
    seen.set(d.dedupeKey, d.row.id);
    return d;
  });
  return { decisions: out, duplicateOf };
}
