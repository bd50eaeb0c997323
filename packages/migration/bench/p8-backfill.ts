/**
 * P8 (docs/targets.md): legacy backfill of 1M legacy rows to a loopback mem0 stub with infer off.
 * Bar: >= 2,000 rows/s and peak RSS <= 300 MB (the migrator process).
 *
 * Four processes, as in production: the legacy Postgres (PGlite behind pglite-socket, seeded inside the
 * database with generate_series), our database for the ledger (PGlite behind pglite-socket), the mem0 stub,
 * and the migrator itself: the real CLI (`src/cli/main.ts --run`), whose own report gives rows/s and its
 * peak RSS. The stub counts every add by legacy_id, so the figure is only written if every row the ledger
 * calls migrated arrived exactly once.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { writeResult } from "@automatos/bench";
import { createDb } from "@automatos/db";
import { ledgerTotals } from "../src/run/ledger-report.js";
import { startCli } from "../src/testing/cli-child.js";
import { startService } from "./spawn-service.js";

const ROWS = Number(process.argv[2] ?? 1_000_000);
// `tsx bench/p8-backfill.ts 20000 /tmp/prof` also writes a CPU profile of the migrator into /tmp/prof.
const PROFILE_DIR = process.argv[3];
const CONCURRENCY = 32;
const PAGE_SIZE = 2_000;

const legacy = await startService(["legacy", String(ROWS)]);
console.log(`legacy database: ${ROWS} rows seeded in ${legacy.info.seedMs} ms`);
const ledger = await startService(["ledger"]);
const mem0 = await startService(["mem0"]);
const database = await createDb({ url: ledger.info.url, poolMax: 2 });

try {
  const reportFile = join(mkdtempSync(join(tmpdir(), "p8-")), "report.json");
  const cpuBefore = await Promise.all([
    legacy.request("stats"),
    ledger.request("stats"),
    mem0.request("stats"),
  ]);
  const loadBefore = loadavg()[0] as number;
  const cli = startCli(
    [
      "--run",
      "--infer",
      "off",
      "--concurrency",
      String(CONCURRENCY),
      "--page-size",
      String(PAGE_SIZE),
      "--report-json",
      reportFile,
    ],
    { LEGACY_DATABASE_URL: legacy.info.url, DATABASE_URL: ledger.info.url, MEM0_API_URL: mem0.info.url },
    [
      ...(PROFILE_DIR && PROFILE_DIR !== "-" ? ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`] : []),
      // Experiments with the migrator's V8 flags: `tsx bench/p8-backfill.ts 20000 - --max-semi-space-size=64`.
      ...process.argv.slice(4),
    ],
  );
  const exit = await cli.exited;
  if (exit.code !== 0)
    throw new Error(`migrator exited ${exit.code}: ${exit.stderr || exit.stdout.slice(-2000)}`);
  console.log(exit.stdout);
  const report = JSON.parse(readFileSync(reportFile, "utf8")) as {
    rowsRead: number;
    rowsPerSec: number;
    elapsedMs: number;
    peakRssBytes: number;
    cpuMs: number;
  };
  const loadAfter = loadavg()[0] as number;
  const cpuAfter = await Promise.all([
    legacy.request("stats"),
    ledger.request("stats"),
    mem0.request("stats"),
  ]);
  const cpuOf = (i: number) => Number(cpuAfter[i]?.cpuMs) - Number(cpuBefore[i]?.cpuMs);
  // CPU per legacy row in each process: a figure the machine's other load does not change.
  const cpuPerRowUs = {
    migrator: Math.round((report.cpuMs / ROWS) * 1000),
    legacyDb: Math.round((cpuOf(0) / ROWS) * 1000),
    ledgerDb: Math.round((cpuOf(1) / ROWS) * 1000),
    mem0Stub: Math.round((cpuOf(2) / ROWS) * 1000),
  };
  const totalUs = Object.values(cpuPerRowUs).reduce((a, b) => a + b, 0);
  // On an otherwise idle 2-core machine: limited by the busiest process, or by both cores' total.
  const idleCapacity = Math.round(1e6 / Math.max(cpuPerRowUs.migrator, totalUs / 2));
  const stub = cpuAfter[2] as { adds: number; distinctLegacyIds: number; repeatedLegacyIds: number };
  const totals = await ledgerTotals(database.db);
  const migrated = totals.reduce((s, t) => s + t.migrated, 0);
  if (report.rowsRead !== ROWS) throw new Error(`read ${report.rowsRead} of ${ROWS} rows`);
  if (stub.adds !== migrated || stub.distinctLegacyIds !== migrated || stub.repeatedLegacyIds !== 0) {
    throw new Error(`mem0 stub saw ${JSON.stringify(stub)} but the ledger says ${migrated} migrated`);
  }
  const rssMb = report.peakRssBytes / 2 ** 20;
  const pass = report.rowsPerSec >= 2_000 && rssMb <= 300;
  // A smaller trial run (`tsx bench/p8-backfill.ts 20000`) prints its figures but does not record them.
  if (ROWS === 1_000_000)
    writeResult("P8", {
      value: Math.round(report.rowsPerSec),
      unit: "rows/s",
      bar: ">= 2,000 rows/s and peak RSS <= 300 MB at 1M rows",
      pass,
      details: {
        rows: ROWS,
        migrated,
        skippedOrQuarantined: ROWS - migrated,
        elapsedS: Math.round(report.elapsedMs / 100) / 10,
        peakRssMb: Math.round(rssMb),
        cpuPerRowUs,
        idleTwoCoreCapacityRowsPerSec: idleCapacity,
        loadAverage1m: { before: Math.round(loadBefore * 10) / 10, after: Math.round(loadAfter * 10) / 10 },
        concurrency: CONCURRENCY,
        pageSize: PAGE_SIZE,
        infer: "off",
        mem0: "loopback fake mem0, counting only (child process)",
        databases: "PGlite behind pglite-socket, one child process each",
      },
    });
  console.log(
    `P8: ${Math.round(report.rowsPerSec)} rows/s, peak RSS ${Math.round(rssMb)} MB -> ${pass ? "pass" : "FAIL"}`,
  );
  console.log(
    `CPU per row (µs): ${JSON.stringify(cpuPerRowUs)}; idle 2-core capacity ~${idleCapacity} rows/s; load ${loadBefore.toFixed(1)} -> ${loadAfter.toFixed(1)}`,
  );
} finally {
  await database.close();
  await Promise.all([legacy.stop(), ledger.stop(), mem0.stop()]);
}
