import { toMem0Ids } from "@automatos/memory-policy";
import type { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LegacyDb, openLegacyDb } from "../legacy/connect.js";
import { OwnerLookupCache } from "../legacy/owner-lookups.js";
import { withLegacyCursor } from "../legacy/read-rows.js";
import { FIXTURE_ROWS } from "../testing/legacy-fixture.js";
import { createLegacyPglite, seedLegacyFixture } from "../testing/seed-legacy.js";
import type { Decision } from "./classify-row.js";
import { dedupeDecisions, planPage } from "./plan-page.js";

let pg: PGlite;
let legacy: LegacyDb;
const decisions = new Map<string, Decision>();
const order: string[] = [];

beforeAll(async () => {
  pg = await createLegacyPglite();
  await seedLegacyFixture(pg);
  legacy = await openLegacyDb({ pglite: pg });
  const cache = new OwnerLookupCache();
  const holders = new Map<string, string>();
  // A small page size so de-duplication has to work across pages too.
  await withLegacyCursor(legacy, { pageSize: 4 }, async (pages, session) => {
    for await (const page of pages) {
      const planned = await planPage(session, cache, page, { infer: false, workflowScope: "agent" });
      const { decisions: deduped } = dedupeDecisions(planned, holders);
      for (const d of deduped) {
        decisions.set(d.row.id, d);
        order.push(d.row.sortTs);
        if (d.kind === "migrate") holders.set(d.dedupeKey, d.row.id);
      }
    }
  });
});
afterAll(async () => {
  await legacy.close();
  await pg.close();
});

describe("planning the seeded legacy fixture", () => {
  it("reads every row once, in chronological keyset order, NULL created_at first", () => {
    expect(decisions.size).toBe(FIXTURE_ROWS.length);
    expect(order[0]).toBe("-infinity");
    expect(order).toEqual([...order].sort()); // "-infinity" sorts before any digit
  });

  for (const row of FIXTURE_ROWS) {
    const label = `${row.expect.outcome}${"reason" in row.expect ? ` (${row.expect.reason})` : ""}: ${row.content.slice(0, 60)}`;
    it(label, () => {
      const d = decisions.get(row.id);
      expect(d).toBeDefined();
      if (!d) return;
      const e = row.expect;
      if (e.outcome === "migrated") {
        expect(d.kind).toBe("migrate");
        if (d.kind !== "migrate") return;
        expect(d.workspaceId).toBe(e.workspaceId);
        expect(d.scope).toEqual(e.scope);
        expect(d.request.messages).toHaveLength(e.messages);
        const ids = toMem0Ids(e.scope);
        expect({ userId: d.request.userId, agentId: d.request.agentId }).toEqual({
          userId: ids.user_id,
          agentId: ids.agent_id,
        });
        expect(d.request.metadata).toMatchObject({
          legacy_id: row.id,
          legacy_table: "memory_items",
          source: "legacy_migration",
          workspace_id: e.workspaceId,
          memory_type: row.memoryType,
          importance: row.importance,
          access_count: row.accessCount,
        });
        expect(d.request.metadata).not.toHaveProperty("agent_id");
        expect(d.request.infer).toBe(false);
      } else {
        expect(d.kind).toBe(e.outcome === "skipped" ? "skip" : "quarantine");
        if (d.kind === "migrate") return;
        expect(d.reason).toBe(e.reason);
        expect(d.workspaceId).toBe(e.workspaceId);
      }
    });
  }

  it("keeps original timestamps as UTC ISO strings and carries the legacy agent id under another key", () => {
    const first = FIXTURE_ROWS[0];
    const d = first && decisions.get(first.id);
    expect(d?.kind).toBe("migrate");
    if (d?.kind !== "migrate" || !first?.createdAt) return;
    expect(d.request.metadata?.legacy_created_at).toBe(`${first.createdAt.replace(" ", "T")}Z`);
    expect(d.request.metadata?.legacy_last_access).toBe("2026-01-20T08:00:00Z");
    expect(d.request.metadata?.legacy_agent_id).toBe(1);
    expect(d.request.messages.map((m) => m.role)).toEqual(["user", "assistant"]);
  });
});
