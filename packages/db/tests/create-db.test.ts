import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../src/create-db.js";
import { MIGRATIONS_FOLDER } from "../src/migrate.js";
import { workspaceMemoryMode } from "../src/schema/workspace-memory-mode.js";
import { queryRows } from "../src/sql-rows.js";
import { describeBackends, type TestDatabase } from "../src/testing/backends.js";

const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
  entries: unknown[];
};

describeBackends("createDb", (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await backend.open();
  });
  afterAll(() => t?.close());

  it("applies every committed migration at open", async () => {
    const applied = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    expect(applied[0]?.n).toBe(journal.entries.length);
    const tables = await queryRows<{ table_name: string }>(
      t.database.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    expect(tables.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(["outbox", "workspace_memory_mode"]),
    );
  });

  it("claims due jobs through the partial due index, not a scan of the table", async () => {
    const plan = await queryRows<{ "QUERY PLAN": string }>(
      t.database.db,
      sql`explain select id from outbox where status in ('pending', 'in_flight') and next_attempt_at <= now()
          order by next_attempt_at limit 32 for update skip locked`,
    );
    expect(plan.map((r) => r["QUERY PLAN"]).join("\n")).toMatch(/Index Scan using outbox_due_idx/);
  });

  it("reports pgvector where the server has it (PGlite yes, Debian PostgreSQL 15 no)", async () => {
    expect(t.database.kind).toBe(backend.kind);
    expect(t.database.vector).toBe(backend.kind === "pglite");
  });

  it("keeps the cutover switch to its three modes", async () => {
    const { db } = t.database;
    await db.insert(workspaceMemoryMode).values({ workspaceId: "w1", updatedBy: "test" });
    const [row] = await db
      .select()
      .from(workspaceMemoryMode)
      .where(eq(workspaceMemoryMode.workspaceId, "w1"));
    expect(row?.mode).toBe("legacy");
    await expect(
      db.execute(
        sql`insert into workspace_memory_mode (workspace_id, mode, updated_by) values ('w2', 'both', 't')`,
      ),
    ).rejects.toThrow();
  });
});

describe("createDb on a PGlite data directory", () => {
  const dir = mkdtempSync(join(tmpdir(), "db-pglite-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("persists across reopen and does not re-apply migrations", async () => {
    const first = await createDb({ dataDir: dir });
    await first.db.insert(workspaceMemoryMode).values({ workspaceId: "w1", mode: "dual", updatedBy: "op" });
    await first.close();
    const second = await createDb({ dataDir: dir });
    const rows = await second.db.select().from(workspaceMemoryMode);
    const applied = await queryRows<{ n: number }>(
      second.db,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    await second.close();
    expect(rows.map((r) => [r.workspaceId, r.mode])).toEqual([["w1", "dual"]]);
    expect(applied[0]?.n).toBe(journal.entries.length);
  });
});
