/**
 * One benchmark service per child process (so each has its own thread and its memory is not the
 * migrator's): `legacy <rows>` (legacy PGlite seeded in-database with generate_series), `ledger` (empty
 * PGlite for @automatos/db), `mem0` (the one fake mem0 server from @automatos/mem0-client/testing, keeping
 * no memories and tallying every add by legacy_id). Prints one JSON line with its URL, answers
 * `stats` on stdin, and exits when stdin closes.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { startServerFake } from "@automatos/mem0-client/testing";
import { serveEmptyPglite, servePglite } from "../../src/testing/pglite-over-socket.js";
import { createLegacyPglite, seedBulkLegacy } from "../../src/testing/seed-legacy.js";

const [kind, rowsArg] = process.argv.slice(2);
let close: () => Promise<void>;
let stats: () => unknown = () => ({});
const t0 = performance.now();
let info: Record<string, unknown>;

// Databases live on disk (a fresh temp dir): in memory, PGlite keeps every data page and WAL segment in the
// process's heap, and a million-row ledger outgrows wasm32's address space.
const dataDir = mkdtempSync(join(tmpdir(), `p8-${kind}-`));
const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });

if (kind === "legacy") {
  const rows = Number(rowsArg);
  const pg = await createLegacyPglite(dataDir);
  await seedBulkLegacy(pg, { rows, workspaces: 200, chatsPerWorkspace: 50 });
  const served = await servePglite(pg);
  close = async () => {
    await served.close();
    removeDataDir();
  };
  info = { url: served.url, rows, seedMs: Math.round(performance.now() - t0) };
} else if (kind === "ledger") {
  const served = await serveEmptyPglite(dataDir);
  close = async () => {
    await served.close();
    removeDataDir();
  };
  info = { url: served.url };
} else if (kind === "mem0") {
  // Counts only: a million adds cost the fake no memory (nothing kept, nothing recorded).
  const stub = await startServerFake({ keep: false, record: false, tally: ["legacy_id"] });
  close = async () => {
    await stub.close();
    removeDataDir();
  };
  stats = () => {
    const s = stub.addStats();
    return {
      adds: s.adds,
      memories: s.memories,
      rejected: s.rejected,
      distinctLegacyIds: s.distinct.legacy_id,
      repeatedLegacyIds: s.repeated.legacy_id,
    };
  };
  info = { url: stub.url };
} else {
  throw new Error(`unknown service "${kind}" (legacy <rows> | ledger | mem0)`);
}

process.stdout.write(`${JSON.stringify(info)}\n`);
const lines = createInterface({ input: process.stdin });
lines.on("line", (line) => {
  if (line.trim() === "stats") {
    const cpu = process.cpuUsage();
    process.stdout.write(
      `${JSON.stringify({ ...(stats() as object), cpuMs: Math.round((cpu.user + cpu.system) / 1000) })}\n`,
    );
  }
});
lines.on("close", () => {
  close().finally(() => process.exit(0));
});
