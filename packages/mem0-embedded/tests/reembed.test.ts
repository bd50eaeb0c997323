/**
 * A data directory written with the earlier lexical embedder: refused at start (the message names the
 * command), re-embedded in place by `pnpm mem0:reembed` after an interrupted first run, then started with
 * the MiniLM default: every memory is there, once, and searchable by meaning.
 */
import { execFile } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { reembedDataDir } from "../src/cli/reembed-data-dir.js";
import { LOCAL_EMBEDDER_ID } from "../src/embedder/local-embedder.js";
import { DEFAULT_EMBEDDER_ID, MINILM_DIMENSIONS } from "../src/embedder/minilm/identity.js";
import { createMiniLmEmbedder } from "../src/embedder/minilm-embedder.js";
import { startEmbeddedMem0 } from "../src/start.js";
import { call, tempDir, userMessage } from "../src/testing/test-server.js";

type Item = Record<string, unknown>;
const results = (r: { body: unknown }) => (r.body as { results: Item[] }).results;
const root = tempDir("m0e-reembed-");
const dataDir = join(root, "data");
afterAll(() => rmSync(root, { recursive: true, force: true }));

const FACTS = [
  "I work night shifts as a nurse at the children's hospital",
  "My sister Anna lives in Lisbon",
  "I am allergic to peanuts",
  "We adopted a grey cat called Pixel",
  "I run five kilometres every Saturday morning",
  "My favourite band is Radiohead",
  "I drive an old blue Volvo",
  "I'm learning Japanese for a trip next spring",
  "My daughter starts school in September",
  "I prefer tea to coffee",
  "I grew up on a farm in Iowa",
  "My laptop is a ThinkPad",
];
const readEmbedderJson = () => JSON.parse(readFileSync(join(dataDir, "embedder.json"), "utf8"));

describe("re-embedding a lexical-v3 data directory in place", () => {
  it("refuses it at start, re-embeds after an interrupted run, then serves every memory", async () => {
    const old = await startEmbeddedMem0({ dataDir, processModel: "in-process", localEmbedder: "lexical-v3" });
    const ids: string[] = [];
    for (const [i, fact] of FACTS.entries()) {
      const r = await call(old, "POST", "/memories", {
        body: { messages: userMessage(fact), user_id: i % 2 ? "alice" : "bob", infer: false },
      });
      ids.push(results(r)[0]?.id as string);
    }
    await old.close();
    expect(readEmbedderJson()).toEqual({ name: LOCAL_EMBEDDER_ID, dimensions: 1024 });

    await expect(startEmbeddedMem0({ dataDir, processModel: "in-process" })).rejects.toThrow(
      `pnpm mem0:reembed --data-dir "${dataDir}"`,
    );

    // Interrupted after two committed batches (fault injected through the progress callback).
    const embedder = await createMiniLmEmbedder();
    let batches = 0;
    await expect(
      reembedDataDir({
        dataDir,
        embedder,
        batchSize: 3,
        onProgress: ({ done }) => {
          if (done > 0 && ++batches === 2) throw new Error("killed");
        },
      }),
    ).rejects.toThrow("killed");
    expect(readEmbedderJson().name).toBe(LOCAL_EMBEDDER_ID);
    await expect(startEmbeddedMem0({ dataDir, processModel: "in-process" })).rejects.toThrow(/mem0:reembed/);

    // The command itself resumes: only the rows left are embedded.
    const cli = await promisify(execFile)(
      "pnpm",
      ["exec", "tsx", "src/cli/reembed.ts", "--data-dir", dataDir, "--batch-size", "3"],
      { cwd: join(import.meta.dirname, ".."), timeout: 120_000 },
    );
    expect(cli.stdout).toMatch(
      new RegExp(
        `${LOCAL_EMBEDDER_ID} -> ${DEFAULT_EMBEDDER_ID} \\(384 dims\\); rows memories 12.*; 6 embedded by this run`,
      ),
    );
    expect(readEmbedderJson()).toEqual({ name: DEFAULT_EMBEDDER_ID, dimensions: MINILM_DIMENSIONS });

    const again = await reembedDataDir({ dataDir, embedder });
    expect(again.alreadyDone).toBe(true);

    const s = await startEmbeddedMem0({ dataDir, processModel: "in-process" });
    try {
      const all = [
        ...results(await call(s, "GET", "/memories?user_id=alice&top_k=100")),
        ...results(await call(s, "GET", "/memories?user_id=bob&top_k=100")),
      ];
      expect(all.map((m) => m.id).sort()).toEqual([...ids].sort());
      expect(all.map((m) => m.memory).sort()).toEqual([...FACTS].sort());
      const hits = results(
        await call(s, "POST", "/search", {
          body: { query: "what is my job?", filters: { user_id: "bob" }, top_k: 3 },
        }),
      );
      expect(hits[0]?.id).toBe(ids[0]);
      // New memories go in with the new embedder next to the re-embedded ones.
      const added = results(
        await call(s, "POST", "/memories", {
          body: {
            messages: userMessage("I play the cello in an amateur orchestra"),
            user_id: "bob",
            infer: false,
          },
        }),
      );
      const music = results(
        await call(s, "POST", "/search", {
          body: { query: "musical instrument", filters: { user_id: "bob" }, top_k: 1 },
        }),
      );
      expect(music[0]?.id).toBe(added[0]?.id);
    } finally {
      await s.close();
    }
  }, 300_000);
});
