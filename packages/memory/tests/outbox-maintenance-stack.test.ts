/**
 * The memory stack keeps its outbox: delivered jobs past MEMORY_OUTBOX_RETENTION_HOURS are purged on the
 * housekeeping timer while the relay runs, on the embedded default (real embedded mem0, PGlite outbox).
 * What mem0 holds is untouched: only the outbox's record of the delivery goes.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { silentLogger } from "../src/logger.js";
import { appRouter } from "../src/root.js";
import { createMemoryStack, type MemoryStack } from "../src/stack/index.js";
import { createCallerFactory } from "../src/trpc.js";

const alice = { app: "chatbot", workspaceId: "w-maintenance", userId: "alice" } as const;
const dataDir = mkdtempSync(join(tmpdir(), "memory-maintenance-"));
let stack: MemoryStack;

beforeAll(async () => {
  stack = await createMemoryStack({
    env: {
      mem0: { mode: "embedded", dataDir: join(dataDir, "mem0") },
      database: { dataDir: "memory://" },
      outboxRetentionHours: 1,
      logLevel: "silent",
    },
    logger: silentLogger(),
    outboxMaintenance: { intervalMs: 100 },
  });
}, 180_000);

afterAll(async () => {
  await stack?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

it("purges a delivered job once it is older than the retention, and leaves the memory in mem0", async () => {
  const caller = createCallerFactory(appRouter)(await stack.createContext(alice));
  await caller.memory.remember({
    messages: [{ role: "user", content: "I keep bees on the roof of my building" }],
    infer: false,
    idempotencyKey: "maintenance-1",
  });
  await expect.poll(async () => (await stack.outbox.stats()).delivered, { timeout: 30_000 }).toBe(1);
  // Younger than the retention: several passes leave it.
  await new Promise((r) => setTimeout(r, 400));
  expect((await stack.outbox.stats()).delivered).toBe(1);

  await stack.database.db.execute(sql`update outbox set delivered_at = now() - interval '2 hours'`);
  await expect.poll(async () => (await stack.outbox.stats()).delivered, { timeout: 10_000 }).toBe(0);
  const listed = await caller.memory.list({});
  expect(listed.memories.map((m) => m.text)).toEqual(["I keep bees on the roof of my building"]);
}, 60_000);
