/**
 * Expected per-workspace totals, derived row by row from the fixture's declared outcomes (plus clean rows
 * that all migrate), in the shape of the ledger report.
 */
import { type Mem0Ids, toMem0Ids } from "@automatos/memory-policy";
import type { LedgerTotals } from "../run/ledger-report.js";
import { NO_WORKSPACE } from "../run/run-counters.js";
import { cleanRowId } from "./clean-row-id.js";
import { CHAT_A1, CHAT_A2, CHAT_B1, type ExpectedScope, FIXTURE_ROWS, WS_A, WS_B } from "./legacy-fixture.js";

/** The chats seedCleanChatRows spreads rows over in tests, with their owners. */
export const CLEAN_CHATS = [
  { chatId: CHAT_A1, scope: { kind: "user", workspaceId: WS_A, userId: "1" } },
  { chatId: CHAT_A2, scope: { kind: "user", workspaceId: WS_A, userId: "2" } },
  { chatId: CHAT_B1, scope: { kind: "user", workspaceId: WS_B, userId: "3" } },
] as const satisfies readonly { chatId: string; scope: ExpectedScope }[];

export interface ExpectedMigrated {
  legacyId: string;
  mem0Ids: Mem0Ids;
  messages: number;
}

/** Ids of the clean rows as seedCleanChatRows generates them: md5('clean-' || g)::uuid. */
export function cleanRowScope(g: number): ExpectedScope {
  return (CLEAN_CHATS[g % CLEAN_CHATS.length] as (typeof CLEAN_CHATS)[number]).scope;
}

export function expectedTotals(cleanRows: number): LedgerTotals[] {
  const byWs = new Map<string, LedgerTotals>();
  const of = (ws: string | null) => {
    const key = ws ?? NO_WORKSPACE;
    let w = byWs.get(key);
    if (!w) {
      w = { workspaceId: key, read: 0, migrated: 0, skipped: {}, quarantined: {}, failed: 0, inFlight: 0 };
      byWs.set(key, w);
    }
    w.read++;
    return w;
  };
  for (const r of FIXTURE_ROWS) {
    const e = r.expect;
    const w = of(e.workspaceId);
    if (e.outcome === "migrated") w.migrated++;
    else if (e.outcome === "skipped") w.skipped[e.reason] = (w.skipped[e.reason] ?? 0) + 1;
    else w.quarantined[e.reason] = (w.quarantined[e.reason] ?? 0) + 1;
  }
  for (let g = 1; g <= cleanRows; g++) of(cleanRowScope(g).workspaceId).migrated++;
  return [...byWs.values()].sort((a, b) => a.workspaceId.localeCompare(b.workspaceId));
}

/** Fixture rows that must be in mem0, with their scope ids and message counts (infer off). */
export function expectedFixtureMigrations(): ExpectedMigrated[] {
  return FIXTURE_ROWS.flatMap((r) =>
    r.expect.outcome === "migrated"
      ? [{ legacyId: r.id, mem0Ids: toMem0Ids(r.expect.scope), messages: r.expect.messages }]
      : [],
  );
}

/** Every scope the fixture and the clean rows migrate into. */
export function expectedScopes(): Mem0Ids[] {
  const seen = new Map<string, Mem0Ids>();
  for (const r of FIXTURE_ROWS) {
    if (r.expect.outcome !== "migrated") continue;
    const ids = toMem0Ids(r.expect.scope);
    seen.set(JSON.stringify(ids), ids);
  }
  for (const c of CLEAN_CHATS) {
    const ids = toMem0Ids(c.scope);
    seen.set(JSON.stringify(ids), ids);
  }
  return [...seen.values()];
}

/** legacy id -> memories mem0 must hold (infer off: one per message), for the fixture and `clean` rows. */
export function expectedMemoryCounts(clean: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of expectedFixtureMigrations()) counts.set(e.legacyId, e.messages);
  for (let g = 1; g <= clean; g++) counts.set(cleanRowId(g), 2);
  return counts;
}
