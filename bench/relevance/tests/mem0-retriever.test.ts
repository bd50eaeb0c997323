import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDataset } from "../src/dataset/load-dataset.js";
import type { Dataset } from "../src/dataset/types.js";
import { createBaselineHashEmbedder } from "../src/embedders/baseline-hash-embedder.js";
import { createMem0Retriever, type Mem0Retriever } from "../src/mem0/mem0-retriever.js";

/** Two tenants, their first sessions, and the questions answerable from those sessions. */
function subset(sessions: number): Dataset {
  const full = loadDataset();
  const personas = full.personas.slice(0, 2);
  const users = new Set(personas.map((p) => p.userId));
  const turns = full.turns.filter((t) => users.has(t.userId) && t.session < sessions);
  const ids = new Set(turns.map((t) => t.id));
  const questions = full.questions.filter(
    (q) => users.has(q.userId) && q.evidence.every((id) => ids.has(id)),
  );
  return { personas, turns, questions };
}

describe.each(["memory", "pgvector"] as const)("mem0 engine retriever on the %s store", (store) => {
  // The first session only: pgvector adds cost ~10 ms each, and the suite must stay well under 30 s.
  const dataset = subset(1);
  let mem0: Mem0Retriever;

  beforeAll(async () => {
    mem0 = await createMem0Retriever({
      dataset,
      embedder: createBaselineHashEmbedder(256),
      store,
      fetchK: 20,
    });
    // PGlite's WASM boot plus ~80 adds: seconds when idle, past the 60 s default on a shared, loaded machine.
  }, 180_000);
  afterAll(async () => {
    await mem0?.close();
  });

  it("returns the asking user's turn ids, at most k, without duplicates", async () => {
    const [a, b] = dataset.personas;
    const ids = await mem0.retrieve(a!.userId, "What's my dog's name?", 10);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThanOrEqual(10);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id.startsWith(`${a!.userId}-`))).toBe(true);
    const other = await mem0.retrieve(b!.userId, "What's my dog's name?", 10);
    expect(other.every((id) => id.startsWith(`${b!.userId}-`))).toBe(true);
  });

  it("exposes mem0's fused scores, best first, with the stored text", async () => {
    const userId = dataset.personas[0]!.userId;
    const hits = await mem0.searchScored(userId, "What's my dog's name?", 5);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
    const turn = dataset.turns.find((t) => t.id === hits[0]!.turnId)!;
    expect(hits[0]!.text).toBe(turn.text);
  });

  it("finds the evidence of a plain single-fact question", async () => {
    const q = dataset.questions.find((x) => x.question === "What's my dog's name?")!;
    expect(await mem0.retrieve(q.userId, q.question, 5)).toContain(q.evidence[0]);
  });
});
