import { createDb, type Database, schema } from "@automatos/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cachedWorkspaceModes, dbWorkspaceModes } from "./workspace-modes.js";

const WS = "3f2a6c1e-0000-4000-8000-00000000000a";
let database: Database;

beforeAll(async () => {
  database = await createDb({ dataDir: "memory://" });
});
afterAll(async () => {
  await database?.close();
});

const setMode = (mode: "legacy" | "dual" | "mem0") =>
  database.db
    .insert(schema.workspaceMemoryMode)
    .values({ workspaceId: WS, mode, updatedBy: "test" })
    .onConflictDoUpdate({ target: schema.workspaceMemoryMode.workspaceId, set: { mode } });

describe("workspace modes", () => {
  it("reads the table; a workspace without a row is in the default mode", async () => {
    expect(await dbWorkspaceModes(database).modeOf(WS)).toBe("legacy");
    expect(await dbWorkspaceModes(database, { defaultMode: "mem0" }).modeOf(WS)).toBe("mem0");
    await setMode("dual");
    // Ids are canonicalised like the policy does (UUIDs in lower case).
    expect(await dbWorkspaceModes(database).modeOf(WS.toUpperCase())).toBe("dual");
  });

  it("a switch takes effect once the cache entry is older than ttlMs, not before", async () => {
    let clock = 1_000;
    const modes = cachedWorkspaceModes(dbWorkspaceModes(database), { ttlMs: 5_000, now: () => clock });
    await setMode("dual");
    expect(await modes.modeOf(WS)).toBe("dual");
    await setMode("legacy");
    clock += 4_999;
    expect(await modes.modeOf(WS)).toBe("dual");
    clock += 1;
    expect(await modes.modeOf(WS)).toBe("legacy");
  });

  it("keeps at most maxEntries workspaces", async () => {
    let reads = 0;
    const modes = cachedWorkspaceModes(
      {
        modeOf: (ws) => {
          reads++;
          return dbWorkspaceModes(database).modeOf(ws);
        },
      },
      { maxEntries: 2 },
    );
    for (const ws of ["w-1", "w-2", "w-3", "w-1"]) await modes.modeOf(ws);
    expect(reads).toBe(4); // w-1 was evicted by w-3 and read again
    await modes.modeOf("w-3");
    expect(reads).toBe(4);
  });
});
