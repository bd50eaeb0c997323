/**
 * The backfill end to end: the seeded legacy database (every bad case of docs/legacy-store.md) -> the real
 * embedded mem0 through @automatos/mem0-client, with the ledger in @automatos/db. Checked against mem0.
 */
import { createDb, type Database, schema } from "@automatos/db";
import { toMem0Ids } from "@automatos/memory-policy";
import type { PGlite } from "@electric-sql/pglite";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LegacyDb, openLegacyDb } from "../src/legacy/connect.js";
import { ledgerTotals } from "../src/run/ledger-report.js";
import { runMigration } from "../src/run/migrate.js";
import { sumValues } from "../src/run/run-counters.js";
import {
  cleanRowScope,
  expectedMemoryCounts,
  expectedScopes,
  expectedTotals,
} from "../src/testing/expected-totals.js";
import { FIXTURE_ROWS } from "../src/testing/legacy-fixture.js";
import { cleanRowId, seedTestLegacy } from "../src/testing/seed-legacy.js";
import { mem0CountsByLegacyId, memoriesOf, startTestMem0, type TestMem0 } from "../src/testing/test-mem0.js";

const CLEAN = 30;
let pg: PGlite;
let legacy: LegacyDb;
let database: Database;
let mem0: TestMem0;

const options = { infer: false, pageSize: 7, concurrency: 4 } as const;

const mem0Counts = () => mem0CountsByLegacyId(mem0.client, expectedScopes());
const expectedCounts = () => expectedMemoryCounts(CLEAN);

beforeAll(async () => {
  pg = await seedTestLegacy(CLEAN);
  legacy = await openLegacyDb({ pglite: pg });
  database = await createDb({ dataDir: "memory://" });
  mem0 = await startTestMem0();
}, 120_000);

afterAll(async () => {
  await mem0?.close();
  await database?.close();
  await legacy?.close();
  await pg?.close();
});

describe("legacy backfill into the embedded mem0", () => {
  it("dry run decides every row as documented and writes nothing", async () => {
    const summary = await runMigration({ legacy }, { ...options, mode: "dry-run" });
    const totals = summary.counters.totals();
    const expected = expectedTotals(CLEAN);
    expect(totals.read).toBe(FIXTURE_ROWS.length + CLEAN);
    expect(totals.migrated).toBe(expected.reduce((s, w) => s + w.migrated, 0));
    expect(await database.db.select().from(schema.migrationLedger)).toHaveLength(0);
    expect((await mem0Counts()).size).toBe(0);
  });

  it("run: exact per-workspace totals in the ledger, and exactly the expected memories in mem0", async () => {
    const summary = await runMigration(
      { legacy, db: database.db, mem0: mem0.client },
      { ...options, mode: "run" },
    );
    expect(summary.stoppedBecause).toBe("finished");
    expect(summary.counters.totals().failed).toBe(0);
    expect(await ledgerTotals(database.db)).toEqual(expectedTotals(CLEAN));
    expect(await mem0Counts()).toEqual(expectedCounts());
  });

  it("carries the documented metadata, in the right scope, and never a metadata key named agent_id", async () => {
    const first = FIXTURE_ROWS[0];
    if (first?.expect.outcome !== "migrated") throw new Error("fixture row 0 must migrate");
    const memories = (await memoriesOf(mem0.client, toMem0Ids(first.expect.scope))).filter(
      (m) => m.metadata?.legacy_id === first.id,
    );
    expect(memories.map((m) => m.memory).sort()).toEqual(
      [JSON.parse(first.content).user_query, JSON.parse(first.content).assistant_response].sort(),
    );
    for (const m of memories) {
      expect(m.metadata).toMatchObject({
        legacy_table: "memory_items",
        source: "legacy_migration",
        workspace_id: first.expect.workspaceId,
        legacy_created_at: `${first.createdAt?.replace(" ", "T")}Z`,
        legacy_agent_id: 1,
        chat_id: JSON.parse(first.content).chat_id,
        owner_resolution: "chat",
      });
      expect(m.metadata).not.toHaveProperty("agent_id");
    }
    const clean = (await memoriesOf(mem0.client, toMem0Ids(cleanRowScope(1)))).filter(
      (m) => m.metadata?.legacy_id === cleanRowId(1),
    );
    expect(clean).toHaveLength(2);
  });

  it("a second run migrates nothing twice", async () => {
    const summary = await runMigration(
      { legacy, db: database.db, mem0: mem0.client },
      { ...options, mode: "run" },
    );
    const totals = summary.counters.totals();
    expect(totals.migrated).toBe(0);
    expect(totals.alreadyDecided).toBe(FIXTURE_ROWS.length + CLEAN);
    expect(sumValues(totals.skipped) + sumValues(totals.quarantined)).toBe(0);
    expect(await mem0Counts()).toEqual(expectedCounts());
  });

  it("resume: an in-flight row already in mem0 is recovered by legacy_id, a failed one is re-sent", async () => {
    const t = schema.migrationLedger;
    const inFlightId = cleanRowId(2);
    const failedId = cleanRowId(3);
    // A run that died after mem0 stored row 2 but before its ledger commit.
    await database.db
      .update(t)
      .set({ status: "in_flight", mem0MemoryIds: null })
      .where(eq(t.legacyId, inFlightId));
    // A row whose add failed before reaching mem0 (breaker open): not in mem0.
    for (const m of await memoriesOf(mem0.client, toMem0Ids(cleanRowScope(3)))) {
      if (m.metadata?.legacy_id === failedId) await mem0.client.delete(m.id);
    }
    await database.db
      .update(t)
      .set({ status: "failed", errorKind: "circuit_open", error: "breaker open", mem0MemoryIds: null })
      .where(and(eq(t.legacyId, failedId)));

    const summary = await runMigration(
      { legacy, db: database.db, mem0: mem0.client },
      { ...options, mode: "resume" },
    );
    const totals = summary.counters.totals();
    expect(totals.recovered).toBe(1);
    expect(totals.migrated).toBe(1);
    expect(await mem0Counts()).toEqual(expectedCounts());
    expect(await ledgerTotals(database.db)).toEqual(expectedTotals(CLEAN));
    const [recovered] = await database.db.select().from(t).where(eq(t.legacyId, inFlightId));
    expect(recovered?.mem0MemoryIds).toHaveLength(2);
  });
});
