/**
 * Verification (counts by legacy_id in mem0, duplicates, shadow search) and the cutover switch, on the
 * seeded legacy fixture migrated into the real embedded mem0.
 */
import { createDb, type Database } from "@automatos/db";
import { toMem0Ids } from "@automatos/memory-policy";
import type { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CutoverRefusedError, getWorkspaceMode, setWorkspaceMode } from "../src/cutover/workspace-mode.js";
import { writeLegacyRow } from "../src/cutover/write-legacy-row.js";
import { type LegacyDb, openLegacyDb } from "../src/legacy/connect.js";
import { readRowsByIds } from "../src/legacy/read-rows.js";
import { ledgerTotals } from "../src/run/ledger-report.js";
import { runMigration } from "../src/run/migrate.js";
import { cleanRowScope, expectedTotals } from "../src/testing/expected-totals.js";
import { WS_A, WS_B } from "../src/testing/legacy-fixture.js";
import { cleanRowId, seedTestLegacy } from "../src/testing/seed-legacy.js";
import { memoriesOf, startTestMem0, type TestMem0 } from "../src/testing/test-mem0.js";
import { verifyMigration, type WorkspaceVerdict } from "../src/verify/verify.js";

const CLEAN = 24;
let pg: PGlite;
let legacy: LegacyDb;
let database: Database;
let mem0: TestMem0;

const verdictOf = (verdicts: WorkspaceVerdict[], ws: string) => {
  const v = verdicts.find((x) => x.workspaceId === ws);
  if (!v) throw new Error(`no verdict for ${ws}`);
  return v;
};
const verify = () =>
  verifyMigration({ legacy, db: database.db, mem0: mem0.client }, { sampleQueries: 6, topK: 3, pageSize: 9 });

beforeAll(async () => {
  pg = await seedTestLegacy(CLEAN);
  legacy = await openLegacyDb({ pglite: pg });
  database = await createDb({ dataDir: "memory://" });
  mem0 = await startTestMem0();
  const summary = await runMigration(
    { legacy, db: database.db, mem0: mem0.client },
    { mode: "run", infer: false, pageSize: 9, concurrency: 4 },
  );
  expect(summary.counters.totals().failed).toBe(0);
}, 180_000);

afterAll(async () => {
  await mem0?.close();
  await database?.close();
  await legacy?.close();
  await pg?.close();
});

describe("verification", () => {
  it("passes every workspace after a complete migration, counting what mem0 holds by legacy_id", async () => {
    const verdicts = await verify();
    const expected = expectedTotals(CLEAN).filter((w) => w.workspaceId !== "(none)");
    for (const w of expected) {
      const v = verdictOf(verdicts, w.workspaceId);
      expect(v).toMatchObject({
        eligible: w.migrated,
        present: w.migrated,
        missing: 0,
        duplicates: 0,
        incomplete: 0,
      });
      expect(v.reasons).toEqual([]);
      expect(v.passed).toBe(true);
    }
    const a = verdictOf(verdicts, WS_A);
    expect(a.queries.length).toBeGreaterThan(0);
    // Each sample query is words of a migrated row: both searches must rank that row.
    for (const q of a.queries) expect(q.legacy.length).toBeGreaterThan(0);
    expect(a.overlap).not.toBeNull();
    expect(a.overlap as number).toBeGreaterThanOrEqual(0.5);
  });

  it("fails a workspace with a row missing from mem0, and one with a duplicate", async () => {
    const missingId = cleanRowId(5); // a WS_B row (chat B1)
    expect(cleanRowScope(5).workspaceId).toBe(WS_B);
    const scopeB = toMem0Ids(cleanRowScope(5));
    const removed = (await memoriesOf(mem0.client, scopeB)).filter(
      (m) => m.metadata?.legacy_id === missingId,
    );
    for (const m of removed) await mem0.client.delete(m.id);

    const dupId = cleanRowId(1); // a WS_A row (chat A2)
    const scopeA = toMem0Ids(cleanRowScope(1));
    const [row] = await readRowsByIds(legacy.db, [dupId]);
    const content = JSON.parse(row?.content ?? "{}");
    await mem0.client.add({
      messages: [{ role: "user", content: content.user_query }],
      userId: scopeA.user_id,
      metadata: { legacy_id: dupId },
      infer: false,
    });

    const verdicts = await verify();
    expect(verdictOf(verdicts, WS_B)).toMatchObject({ missing: 1, passed: false });
    expect(verdictOf(verdicts, WS_A)).toMatchObject({ duplicates: 1, passed: false });

    // Repair: drop the duplicate, resend the missing row through the ledger's retry path.
    for (const m of await memoriesOf(mem0.client, scopeA)) {
      if (m.metadata?.legacy_id === dupId && !m.metadata?.source) await mem0.client.delete(m.id);
    }
    const { schema } = await import("@automatos/db");
    const { eq } = await import("drizzle-orm");
    await database.db
      .update(schema.migrationLedger)
      .set({ status: "failed", errorKind: "timeout" })
      .where(eq(schema.migrationLedger.legacyId, missingId));
    await runMigration(
      { legacy, db: database.db, mem0: mem0.client },
      { mode: "resume", infer: false, pageSize: 9 },
    );
    expect((await verify()).every((v) => v.passed)).toBe(true);
    expect(await ledgerTotals(database.db)).toEqual(expectedTotals(CLEAN));
  });
});

describe("cutover", () => {
  it("defaults to legacy and refuses mem0 until the workspace is in dual mode and verified since", async () => {
    expect(await getWorkspaceMode(database.db, WS_A)).toBe("legacy");
    await expect(setWorkspaceMode(database.db, WS_A, "mem0", { updatedBy: "test" })).rejects.toThrow(
      CutoverRefusedError,
    );
    expect(await setWorkspaceMode(database.db, WS_A, "dual", { updatedBy: "test" })).toEqual({
      workspaceId: WS_A,
      previous: "legacy",
      mode: "dual",
    });
    // The passing verification above predates the switch to dual.
    await expect(setWorkspaceMode(database.db, WS_A, "mem0", { updatedBy: "test" })).rejects.toThrow(
      /verified before it entered dual/,
    );
    await verify();
    await setWorkspaceMode(database.db, WS_A, "mem0", { updatedBy: "test" });
    expect(await getWorkspaceMode(database.db, WS_A.toUpperCase())).toBe("mem0");
    // Rolling back is always allowed.
    await setWorkspaceMode(database.db, WS_A, "dual", { updatedBy: "test" });
    expect(await getWorkspaceMode(database.db, WS_A)).toBe("dual");
  });

  it("refuses mem0 for a workspace whose latest verification failed", async () => {
    const scopeB = toMem0Ids(cleanRowScope(8));
    await setWorkspaceMode(database.db, WS_B, "dual", { updatedBy: "test" });
    // One memory of a migrated pair deleted: the row is still present, but incomplete.
    const victim = (await memoriesOf(mem0.client, scopeB)).find(
      (m) => m.metadata?.legacy_id === cleanRowId(8),
    );
    expect(victim).toBeDefined();
    if (victim) await mem0.client.delete(victim.id);
    const v = verdictOf(await verify(), WS_B);
    expect(v).toMatchObject({ incomplete: 1, missing: 0, passed: false });
    await expect(setWorkspaceMode(database.db, WS_B, "mem0", { updatedBy: "test" })).rejects.toThrow(
      /no passing verification/,
    );
  });

  it("dual mode writes a legacy-format row that the legacy shape parses and the migration skips", async () => {
    const at = new Date("2026-03-01T12:34:56.789Z");
    const id = await writeLegacyRow(legacy.db, {
      workspaceId: WS_A,
      userId: "1",
      userMessage: "I moved the bakery to Rue Mercière in March.",
      assistantMessage: "Noted: the bakery is now on Rue Mercière.",
      at,
    });
    const [row] = await readRowsByIds(legacy.db, [id]);
    expect(row).toMatchObject({
      workspaceId: WS_A,
      memoryType: "experience",
      memoryLevel: "long_term",
      importance: 1,
      createdAt: "2026-03-01 12:34:56.789",
    });
    expect(JSON.parse(row?.content ?? "{}")).toMatchObject({
      type: "conversation",
      user_query: "I moved the bakery to Rue Mercière in March.",
      assistant_response: "Noted: the bakery is now on Rue Mercière.",
      source: "dual_write",
      user_id: "1",
    });
    const summary = await runMigration(
      { legacy, db: database.db, mem0: mem0.client },
      { mode: "run", infer: false, workspaceId: WS_A },
    );
    expect(summary.counters.of(WS_A).skipped).toEqual({ dual_write: 1 });
    expect(summary.counters.of(WS_A).migrated).toBe(0);
  });
});
