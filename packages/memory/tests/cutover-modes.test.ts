/**
 * The memory service honours the per-workspace cutover mode, end to end on real parts: the memory stack
 * (this package, PGlite outbox + relay) writing to the real embedded mem0, the legacy mirror of
 * @automatos/memory-migration writing into the seeded legacy PGlite, modes in @automatos/db's workspace_memory_mode.
 */
import { schema } from "@automatos/db";
import {
  createLegacyMirror,
  type LegacyDb,
  openLegacyDb,
  runMigration,
  setWorkspaceMode,
} from "@automatos/memory-migration";
import {
  memoriesOf,
  seedTestLegacy,
  startTestMem0,
  type TestMem0,
  uuid,
} from "@automatos/memory-migration/testing";
import { toMem0Ids } from "@automatos/memory-policy";
import { and, eq, like, ne, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../src/logger.js";
import { appRouter } from "../src/root.js";
import { createMemoryStack, type MemoryStack } from "../src/stack/index.js";
import { createCallerFactory } from "../src/trpc.js";

const WS = uuid(0xe, 1); // a workspace of its own: the fixture's rows do not interfere
const alice = { app: "chatbot", workspaceId: WS, userId: "alice" } as const;
const aliceIds = toMem0Ids({ kind: "user", workspaceId: WS, userId: "alice" });
const factory = createCallerFactory(appRouter);

let pg: Awaited<ReturnType<typeof seedTestLegacy>>;
let legacy: LegacyDb;
let mem0: TestMem0;
let stack: MemoryStack;
/** Fault injection for the legacy side (the real mirror underneath). */
let legacyDown = false;

const caller = async () => factory(await stack.createContext(alice));
const drain = async () => {
  for (;;) if ((await stack.relay.drainOnce(100)).claimed === 0) return;
};
const legacyRows = async () =>
  (
    (await legacy.db.execute(
      sql`SELECT id, content::json->>'source' AS source, content::json->>'user_query' AS q
          FROM memory_items WHERE workspace_id = ${WS} ORDER BY created_at, id`,
    )) as unknown as { rows: { id: string; source: string; q: string }[] }
  ).rows;
const mem0Texts = async () => (await memoriesOf(mem0.client, aliceIds)).map((m) => m.memory).sort();
const forceMode = (mode: "legacy" | "dual" | "mem0") =>
  stack.database.db
    .insert(schema.workspaceMemoryMode)
    .values({ workspaceId: WS, mode, updatedBy: "test" })
    .onConflictDoUpdate({ target: schema.workspaceMemoryMode.workspaceId, set: { mode } });
// One message per turn: with infer off mem0 stores one memory per message, so one turn = one memory.
const turn = (text: string, idempotencyKey?: string) => ({
  messages: [{ role: "user" as const, content: text }],
  infer: false,
  ...(idempotencyKey ? { idempotencyKey } : {}),
});

beforeAll(async () => {
  pg = await seedTestLegacy(0);
  legacy = await openLegacyDb({ pglite: pg });
  mem0 = await startTestMem0();
  const mirror = createLegacyMirror(legacy.db);
  stack = await createMemoryStack({
    env: {
      mem0: { mode: "remote", url: mem0.url, apiKey: mem0.apiKey, dialect: "server" },
      database: { dataDir: "memory://" },
      logLevel: "silent",
    },
    logger: silentLogger(),
    config: { inference: "off" },
    relay: { start: false, maxAttempts: 5 },
    cutover: {
      legacyMirror: {
        represents: mirror.represents,
        write: async (t) => {
          if (legacyDown) throw new Error("legacy database unreachable");
          await mirror.write(t);
        },
      },
      modeCacheMs: 0, // switches below must be seen at once; the cache's bound has its own test
    },
  });
}, 180_000);

afterAll(async () => {
  await stack?.close();
  await mem0?.close();
  await legacy?.close();
  await pg?.close();
});

describe("cutover modes in the memory service", () => {
  it("legacy (no mode row): remember writes one legacy row and nothing to mem0; add is refused", async () => {
    const c = await caller();
    expect((await c.memory.health()).migrationMode).toBe("legacy");
    await c.memory.remember(turn("I prefer window seats on long flights", "k-legacy"));
    await drain();
    const rows = await legacyRows();
    expect(rows.map((r) => [r.source, r.q])).toEqual([
      ["memory_service", "I prefer window seats on long flights"],
    ]);
    expect(rows[0]?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await mem0Texts()).toEqual([]);
    await expect(c.memory.add(turn("Adds need mem0"))).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });

  it("dual: each remember writes exactly one mem0 memory and one legacy row, also when retried", async () => {
    await setWorkspaceMode(stack.database.db, WS, "dual", { updatedBy: "test" });
    const c = await caller();
    expect((await c.memory.health()).migrationMode).toBe("dual");
    const before = (await legacyRows()).length;
    await c.memory.remember(turn("My daughter is called Maya", "k-dual-1"));
    await c.memory.remember(turn("I work night shifts on Tuesdays", "k-dual-2"));
    const retried = await c.memory.remember(turn("My daughter is called Maya", "k-dual-1"));
    expect(retried.duplicate).toBe(true);
    await drain();
    await drain(); // a second pass finds nothing new to deliver
    const dualRows = (await legacyRows()).slice(before);
    expect(dualRows.map((r) => [r.source, r.q]).sort()).toEqual([
      ["dual_write", "I work night shifts on Tuesdays"],
      ["dual_write", "My daughter is called Maya"],
    ]);
    expect(await mem0Texts()).toEqual(["I work night shifts on Tuesdays", "My daughter is called Maya"]);
  });

  it("dual: add writes mem0 at once and queues its legacy row", async () => {
    const c = await caller();
    const before = (await legacyRows()).length;
    const added = await c.memory.add(turn("I am allergic to peanuts"));
    expect(added.status).toBe("done");
    await drain();
    const rows = (await legacyRows()).slice(before);
    expect(rows.map((r) => [r.source, r.q])).toEqual([["dual_write", "I am allergic to peanuts"]]);
    expect((await mem0Texts()).length).toBe(3);
  });

  it("dual: an agent's memory becomes a legacy agent row; a run's memory has no legacy form and stays in mem0", async () => {
    const agent = await factory(
      await stack.createContext({ app: "agents", workspaceId: WS, userId: "alice", agentId: "1" }),
    );
    const run = await factory(
      await stack.createContext({ app: "workflows", workspaceId: WS, userId: "alice", runId: "run-7" }),
    );
    const before = (await legacyRows()).length;
    await agent.memory.remember({
      ...turn("Summaries must cite their sources", "k-agent-1"),
      scope: "agent",
    });
    await run.memory.remember({ ...turn("Step 3 needs the invoice totals", "k-run-7a"), scope: "run" });
    await drain();
    const rows = (
      (await legacy.db.execute(
        sql`SELECT agent_id, content::json->>'source' AS source, content::json->>'content' AS text
            FROM memory_items WHERE workspace_id = ${WS} AND agent_id IS NOT NULL`,
      )) as unknown as { rows: unknown[] }
    ).rows;
    expect(rows).toEqual([{ agent_id: 1, source: "dual_write", text: "Summaries must cite their sources" }]);
    expect((await legacyRows()).length).toBe(before + 1);
    const agentIds = toMem0Ids({ kind: "agent", workspaceId: WS, agentId: "1" });
    const runIds = toMem0Ids({ kind: "run", workspaceId: WS, runId: "run-7" });
    expect((await memoriesOf(mem0.client, agentIds)).map((m) => m.memory)).toEqual([
      "Summaries must cite their sources",
    ]);
    expect((await memoriesOf(mem0.client, runIds)).map((m) => m.memory)).toEqual([
      "Step 3 needs the invoice totals",
    ]);
  });

  it("dual: a failing legacy write neither loses the mem0 write nor drops the legacy row", async () => {
    const c = await caller();
    const before = (await legacyRows()).length;
    legacyDown = true;
    await c.memory.remember(turn("Our office moved to Lisbon", "k-dual-down"));
    await drain();
    expect((await mem0Texts()).length).toBe(4); // the mem0 job was delivered
    expect((await legacyRows()).length).toBe(before);
    const waiting = await stack.database.db
      .select({ status: schema.outbox.status, lastError: schema.outbox.lastError })
      .from(schema.outbox)
      .where(
        and(like(schema.outbox.idempotencyKey, "legacy-mirror:%"), ne(schema.outbox.status, "delivered")),
      );
    expect(waiting).toEqual([
      { status: "pending", lastError: expect.stringContaining("legacy database unreachable") },
    ]);
    legacyDown = false;
    await stack.database.db
      .update(schema.outbox)
      .set({ nextAttemptAt: new Date(0) })
      .where(eq(schema.outbox.status, "pending"));
    await drain();
    expect((await legacyRows()).slice(before).map((r) => r.q)).toEqual(["Our office moved to Lisbon"]);
    expect((await mem0Texts()).length).toBe(4);
  });

  it("mem0: remember and add go to mem0 only", async () => {
    await forceMode("mem0");
    const c = await caller();
    expect((await c.memory.health()).migrationMode).toBe("mem0");
    const before = (await legacyRows()).length;
    await c.memory.remember(turn("I run marathons in spring", "k-mem0-only"));
    await c.memory.add(turn("I collect vinyl records"));
    await drain();
    expect((await legacyRows()).length).toBe(before);
    expect((await mem0Texts()).length).toBe(6);
  });

  it("refuses caller metadata that would pose as a legacy mirror job", async () => {
    const c = await caller();
    await expect(
      c.memory.remember({
        ...turn("hello there, general"),
        metadata: { automatos_legacy_mirror: { v: 1 } },
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("automatos_legacy_mirror"),
    });
  });

  it("the backfill migrates legacy-mode rows and skips dual rows (already in mem0)", async () => {
    const summary = await runMigration(
      { legacy, db: stack.database.db, mem0: mem0.client },
      { mode: "run", infer: false, pageSize: 50, concurrency: 2, workspaceId: WS },
    );
    const t = summary.counters.totals();
    // Four dual user turns and the dual agent row are in mem0 already.
    expect(t).toMatchObject({ migrated: 1, failed: 0, skipped: { dual_write: 5 } });
    const texts = await mem0Texts();
    expect(texts.length).toBe(7);
    expect(texts.filter((x) => x.includes("window seats")).length).toBe(1);
  });
});
