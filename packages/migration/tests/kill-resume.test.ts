/**
 * SIGKILL the migration CLI mid-run, then resume: exact totals, and no duplicates in mem0, counted in mem0
 * itself (not in the ledger). The legacy and ledger databases live in this process behind pglite-socket; the
 * CLI is a child process that reaches them, and the real embedded mem0, by URL.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, type Database, schema } from "@automatos/db";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ledgerTotals } from "../src/run/ledger-report.js";
import { startCli } from "../src/testing/cli-child.js";
import {
  CLEAN_CHATS,
  expectedFixtureMigrations,
  expectedScopes,
  expectedTotals,
} from "../src/testing/expected-totals.js";
import { type ServedPglite, serveEmptyPglite, servePglite } from "../src/testing/pglite-over-socket.js";
import {
  cleanRowId,
  createLegacyPglite,
  seedCleanChatRows,
  seedLegacyFixture,
} from "../src/testing/seed-legacy.js";
import { memoriesOf, startTestMem0, type TestMem0 } from "../src/testing/test-mem0.js";

const CLEAN = 150;
let legacy: ServedPglite;
let ledger: ServedPglite;
let database: Database;
let mem0: TestMem0;
let env: Record<string, string>;
const t = schema.migrationLedger;

async function mem0CountsByLegacyId(): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const ids of expectedScopes()) {
    for (const m of await memoriesOf(mem0.client, ids)) {
      const id = String(m.metadata?.legacy_id);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  return counts;
}

async function statusCount(status: "done" | "in_flight"): Promise<number> {
  const [row] = await database.db.select({ n: count() }).from(t).where(eq(t.status, status));
  return Number(row?.n ?? 0);
}

beforeAll(async () => {
  const pg = await createLegacyPglite();
  await seedLegacyFixture(pg);
  await seedCleanChatRows(
    pg,
    CLEAN,
    CLEAN_CHATS.map((c) => c.chatId),
  );
  legacy = await servePglite(pg);
  ledger = await serveEmptyPglite();
  database = await createDb({ url: ledger.url, poolMax: 2 });
  mem0 = await startTestMem0();
  env = {
    LEGACY_DATABASE_URL: legacy.url,
    DATABASE_URL: ledger.url,
    MEM0_API_URL: mem0.url,
    MEM0_API_KEY: mem0.apiKey,
  };
}, 120_000);

afterAll(async () => {
  await mem0?.close();
  await database?.close();
  await ledger?.close();
  await legacy?.close();
});

describe("crash and resume", () => {
  it("SIGKILL mid-run, resume: exact totals, every row once in mem0, in-flight rows recovered not re-sent", async () => {
    const args = ["--infer", "off", "--page-size", "10", "--concurrency", "4"];
    // Kill while a page is in flight and some of its adds already reached mem0 (the window between mem0's
    // add and the ledger commit). Up to three attempts, each resuming from where the last one died.
    let sentButNotLedgered = 0;
    for (let attempt = 0; attempt < 3 && sentButNotLedgered === 0; attempt++) {
      const before = await statusCount("done");
      const child = startCli([attempt === 0 ? "--run" : "--resume", ...args], env);
      const deadline = Date.now() + 60_000;
      for (;;) {
        const done = await statusCount("done");
        const inFlight = await statusCount("in_flight");
        if ((done >= before + 30 && inFlight > 0) || Date.now() > deadline) break;
        await new Promise((r) => setTimeout(r, 15));
      }
      // Give some adds of the in-flight page time to land in mem0.
      await new Promise((r) => setTimeout(r, 40));
      child.process.kill("SIGKILL");
      const exit = await child.exited;
      expect(exit.signal).toBe("SIGKILL");

      const inFlightIds = (
        await database.db.select({ id: t.legacyId }).from(t).where(eq(t.status, "in_flight"))
      ).map((r) => r.id);
      const inMem0 = await mem0CountsByLegacyId();
      sentButNotLedgered = inFlightIds.filter((id) => (inMem0.get(id) ?? 0) > 0).length;
    }
    expect(sentButNotLedgered).toBeGreaterThan(0);
    expect(await statusCount("done")).toBeLessThan(expectedFixtureMigrations().length + CLEAN);

    const reportFile = join(mkdtempSync(join(tmpdir(), "migration-report-")), "resume.json");
    const resumed = startCli(["--resume", ...args, "--report-json", reportFile], env);
    const exit = await resumed.exited;
    expect(exit.stderr).toBe("");
    expect(exit.code).toBe(0);
    const report = JSON.parse(readFileSync(reportFile, "utf8")) as {
      stoppedBecause: string;
      run: Record<string, { recovered: number }>;
    };
    expect(report.stoppedBecause).toBe("finished");
    const recovered = Object.values(report.run).reduce((s, w) => s + w.recovered, 0);
    expect(recovered).toBeGreaterThanOrEqual(sentButNotLedgered);

    // Exact totals in the ledger, and in mem0 exactly one add's worth of memories per migrated row.
    expect(await ledgerTotals(database.db)).toEqual(expectedTotals(CLEAN));
    const expected = new Map<string, number>();
    for (const e of expectedFixtureMigrations()) expected.set(e.legacyId, e.messages);
    for (let g = 1; g <= CLEAN; g++) expected.set(cleanRowId(g), 2);
    expect(await mem0CountsByLegacyId()).toEqual(expected);
  }, 300_000);
});
