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
  expectedFixtureMigrations,
  expectedMemoryCounts,
  expectedScopes,
  expectedTotals,
} from "../src/testing/expected-totals.js";
import { WS_A } from "../src/testing/legacy-fixture.js";
import { type ServedPglite, serveEmptyPglite, servePglite } from "../src/testing/pglite-over-socket.js";
import { seedTestLegacy } from "../src/testing/seed-legacy.js";
import { mem0CountsByLegacyId, startTestMem0, type TestMem0 } from "../src/testing/test-mem0.js";

const CLEAN = 150;
let legacy: ServedPglite;
let ledger: ServedPglite;
let database: Database;
let mem0: TestMem0;
let env: Record<string, string>;
const t = schema.migrationLedger;

const mem0Counts = () => mem0CountsByLegacyId(mem0.client, expectedScopes());

async function doneCount(): Promise<number> {
  const [row] = await database.db.select({ n: count() }).from(t).where(eq(t.status, "done"));
  return Number(row?.n ?? 0);
}

/** A page's write-ahead mark is set: its adds are going out and its ledger rows are not committed. */
async function pagePending(): Promise<boolean> {
  const cp = schema.migrationCheckpoint;
  return (await database.db.select().from(cp).where(eq(cp.name, "memory_items#pending"))).length > 0;
}

/** Rows mem0 holds (by legacy_id) that the ledger does not know: sent, then the run died. */
async function sentButNotLedgered(): Promise<number> {
  const ledgered = new Set((await database.db.select({ id: t.legacyId }).from(t)).map((r) => r.id));
  return [...(await mem0Counts()).keys()].filter((id) => !ledgered.has(id)).length;
}

beforeAll(async () => {
  legacy = await servePglite(await seedTestLegacy(CLEAN));
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
    // (The CLI's write-ahead for a page is the checkpoint's pending mark, see checkpoint-store.ts.)
    let unledgered = 0;
    for (let attempt = 0; attempt < 3 && unledgered === 0; attempt++) {
      const before = await doneCount();
      const child = startCli([attempt === 0 ? "--run" : "--resume", ...args], env);
      const deadline = Date.now() + 60_000;
      while (!((await doneCount()) >= before + 30 && (await pagePending())) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 15));
      }
      // Give some adds of the pending page time to land in mem0.
      await new Promise((r) => setTimeout(r, 40));
      child.process.kill("SIGKILL");
      const exit = await child.exited;
      expect(exit.signal).toBe("SIGKILL");
      unledgered = await sentButNotLedgered();
    }
    expect(unledgered).toBeGreaterThan(0);
    expect(await doneCount()).toBeLessThan(expectedFixtureMigrations().length + CLEAN);

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
    expect(recovered).toBeGreaterThanOrEqual(unledgered);

    // Exact totals in the ledger, and in mem0 exactly one add's worth of memories per migrated row.
    expect(await ledgerTotals(database.db)).toEqual(expectedTotals(CLEAN));
    expect(await mem0Counts()).toEqual(expectedMemoryCounts(CLEAN));
  }, 300_000);
  it("then verifies and cuts a workspace over through the CLI, refusing mem0 until it is safe", async () => {
    const dir = mkdtempSync(join(tmpdir(), "migration-cli-"));
    const run = async (args: string[]) => {
      const exit = await startCli(args, env).exited;
      return { ...exit, json: (file: string) => JSON.parse(readFileSync(join(dir, file), "utf8")) };
    };

    const status = await run(["--status", "--report-json", join(dir, "status.json")]);
    expect(status.code).toBe(0);
    expect(status.json("status.json").totals).toEqual(expectedTotals(CLEAN));
    expect(status.stdout).toContain("memory_items: after");

    const refused = await run(["--set-mode", "mem0", "--workspace", WS_A]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("refused: workspace");
    expect((await run(["--set-mode", "dual", "--workspace", WS_A])).code).toBe(0);

    const verified = await run(["--verify", "--workspace", WS_A, "--report-json", join(dir, "verify.json")]);
    expect(verified.stderr).toBe("");
    expect(verified.code).toBe(0);
    const [verdict] = verified.json("verify.json").verdicts;
    expect(verdict).toMatchObject({ workspaceId: WS_A, missing: 0, duplicates: 0, passed: true });
    expect(verdict.queries.length).toBeGreaterThan(0);

    const cutover = await run(["--set-mode", "mem0", "--workspace", WS_A]);
    expect(cutover.code).toBe(0);
    expect(cutover.stdout).toContain(`workspace ${WS_A}: dual -> mem0`);
  }, 180_000);

  it("rejects bad usage with exit code 2 and a message naming the flag", async () => {
    const cases: [string[], RegExp][] = [
      [["--run", "--concurrency", "0"], /--concurrency must be an integer from 1 to 256/],
      [["--run", "--resume"], /choose only one of --run, --resume/],
      [[], /choose one of --dry-run/],
      [["--set-mode", "dual"], /--set-mode needs --workspace/],
      [["--verify", "--workspace", "not-a-uuid"], /--workspace must be a workspace UUID/],
      [["--run", "--infer", "maybe"], /--infer must be on or off/],
    ];
    for (const [args, message] of cases) {
      const exit = await startCli(args, env).exited;
      expect(exit.code, args.join(" ")).toBe(2);
      expect(exit.stderr).toMatch(message);
    }
  }, 120_000);
});
