/**
 * Start, stop, restart with the default process model (engine in a child process): every memory and its
 * history survive a restart, the API key is kept (0600), one process per data directory, and a data
 * directory made with another embedder is refused.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_EMBEDDER_ID, MINILM_DIMENSIONS } from "../src/embedder/minilm/identity.js";
import { startEmbeddedMem0 } from "../src/start.js";
import { call, tempDir, userMessage } from "../src/testing/test-server.js";

type Item = Record<string, unknown>;
const results = (r: { body: unknown }) => (r.body as { results: Item[] }).results;
const dataDir = tempDir("m0e-life-");
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("lifecycle", () => {
  it("keeps every memory, update and history across a restart, with the same API key", async () => {
    const first = await startEmbeddedMem0({ dataDir });
    expect(first.inference).toBe("off");
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await call(first, "POST", "/memories", {
        body: {
          messages: userMessage(`persistent fact ${i} about gardening`),
          user_id: i % 2 ? "alice" : "bob",
        },
      });
      ids.push(results(r)[0]?.id as string);
    }
    await call(first, "PUT", `/memories/${ids[0]}`, { body: { text: "updated fact about roses" } });
    await call(first, "DELETE", `/memories/${ids[1]}`);
    const before = {
      alice: results(await call(first, "GET", "/memories?user_id=alice&top_k=100")),
      bob: results(await call(first, "GET", "/memories?user_id=bob&top_k=100")),
    };
    await first.close();

    const second = await startEmbeddedMem0({ dataDir });
    try {
      expect(second.apiKey).toBe(first.apiKey);
      const sortById = (xs: Item[]) => [...xs].sort((a, b) => String(a.id).localeCompare(String(b.id)));
      expect(sortById(results(await call(second, "GET", "/memories?user_id=alice&top_k=100")))).toEqual(
        sortById(before.alice),
      );
      expect(sortById(results(await call(second, "GET", "/memories?user_id=bob&top_k=100")))).toEqual(
        sortById(before.bob),
      );
      expect(before.alice.length + before.bob.length).toBe(11);
      const history = (await call(second, "GET", `/memories/${ids[0]}/history`)).body as Item[];
      expect(history.map((h) => h.event)).toEqual(["ADD", "UPDATE"]);
      const hits = results(
        await call(second, "POST", "/search", { body: { query: "roses", filters: { user_id: "bob" } } }),
      );
      expect(hits[0]?.id).toBe(ids[0]);
    } finally {
      await second.close();
    }
  });

  it("keeps everything under the data directory: key file 0600, nothing else", async () => {
    expect(statSync(join(dataDir, "api-key")).mode & 0o777).toBe(0o600);
    expect(readdirSync(dataDir).sort()).toEqual([
      "api-key",
      "embedder.json",
      "history.db",
      "mem0-config",
      "pg",
    ]);
    expect(JSON.parse(readFileSync(join(dataDir, "embedder.json"), "utf8"))).toEqual({
      name: DEFAULT_EMBEDDER_ID,
      dimensions: MINILM_DIMENSIONS,
    });
    expect(existsSync(join(dataDir, "LOCK"))).toBe(false);
  });

  it("refuses a second process on the same data directory, and another embedder's data", async () => {
    const running = await startEmbeddedMem0({ dataDir });
    try {
      await expect(startEmbeddedMem0({ dataDir })).rejects.toThrow(/in use by process/);
    } finally {
      await running.close();
    }
    await expect(startEmbeddedMem0({ dataDir, localEmbedder: "lexical-v3" })).rejects.toThrow(
      /holds vectors from embedder/,
    );
  });

  it("an in-process engine leaves nothing behind that keeps its host alive (the write worker is closed)", async () => {
    const count = (kind: string) => process.getActiveResourcesInfo().filter((r) => r === kind).length;
    const dir = tempDir("m0e-life-inproc-");
    try {
      const before = { ports: count("MessagePort"), servers: count("TCPServerWrap") };
      const engine = await startEmbeddedMem0({ dataDir: dir, processModel: "in-process" });
      await call(engine, "POST", "/memories", {
        body: { messages: userMessage("a fact to embed"), user_id: "u1" },
      });
      await engine.close();
      expect(count("MessagePort")).toBe(before.ports);
      expect(count("TCPServerWrap")).toBe(before.servers);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("rejects invalid options naming the field", async () => {
    await expect(startEmbeddedMem0({ dataDir, port: 70000 })).rejects.toThrow(/"port"/);
    await expect(
      startEmbeddedMem0({ dataDir, embedder: { baseUrl: "ftp://x", model: "m", dimensions: 8 } }),
    ).rejects.toThrow(/"embedder.baseUrl"/);
  });
});
