/**
 * The real embedded mem0 (mem0's own engine on PGlite + pgvector, in a child process) on a loopback port,
 * with a fresh data directory, and a @automatos/mem0-client pointed at it. What the migration tests write to.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMem0Client, type Mem0Client, type Mem0Memory } from "@automatos/mem0-client";
import { startEmbeddedMem0 } from "@automatos/mem0-embedded";

export interface TestMem0 {
  url: string;
  apiKey: string;
  client: Mem0Client;
  close(): Promise<void>;
}

export async function startTestMem0(): Promise<TestMem0> {
  const dataDir = mkdtempSync(join(tmpdir(), "migration-mem0-"));
  const server = await startEmbeddedMem0({ dataDir });
  const client = createMem0Client({ baseUrl: server.url, apiKey: server.apiKey, dialect: "server" });
  return {
    url: server.url,
    apiKey: server.apiKey,
    client,
    async close() {
      await client.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Every memory of a scope (the listing is capped: tests keep scopes far below the cap). */
export async function memoriesOf(
  client: Mem0Client,
  ids: { user_id?: string; agent_id?: string; run_id?: string },
): Promise<Mem0Memory[]> {
  const all = await client.getAll({
    userId: ids.user_id,
    agentId: ids.agent_id,
    runId: ids.run_id,
    topK: 1000,
  });
  if (all.length >= 1000) throw new Error("scope too large for an exact count in a test");
  // getAll on {user_id} also returns {user_id, agent_id} memories: keep the exact tuple only.
  return all.filter(
    (m) =>
      (m.userId ?? undefined) === ids.user_id &&
      (m.agentId ?? undefined) === ids.agent_id &&
      (m.runId ?? undefined) === ids.run_id,
  );
}

/** Memories per legacy_id across the given scopes: what "no duplicates" is checked against. */
export async function mem0CountsByLegacyId(
  client: Mem0Client,
  scopes: readonly { user_id?: string; agent_id?: string; run_id?: string }[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const ids of scopes) {
    for (const m of await memoriesOf(client, ids)) {
      const id = String(m.metadata?.legacy_id);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  return counts;
}
