import { describe, expect, it } from "vitest";
import { createMiniLmEmbedder, MINILM_DIMENSIONS, MINILM_EMBEDDER_ID } from "./minilm-embedder.js";

const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * (b[i] as number), 0);

describe("all-MiniLM-L6-v2 on onnxruntime-node", () => {
  it("reproduces the published sentence-transformers vector of 'This is an example sentence'", async () => {
    const e = await createMiniLmEmbedder();
    expect(e.id).toBe(MINILM_EMBEDDER_ID);
    const v = await e.embedForSearch("This is an example sentence");
    expect(v).toHaveLength(MINILM_DIMENSIONS);
    const published = [0.0677, 0.0636, 0.0487, 0.0794];
    for (const [i, x] of published.entries()) expect(v[i]).toBeCloseTo(x, 3);
    expect(Math.sqrt(dot(v, v))).toBeCloseTo(1, 5);
  });

  it("gives the same vector alone, in a micro-batch of padded texts, and through embedDocuments", async () => {
    const e = await createMiniLmEmbedder({ maxBatch: 4 });
    const texts = [
      "I work as a nurse at the city hospital",
      "short",
      "My sister Anna moved to Lisbon last spring and loves the food there",
      "What do I do for a living?",
      "Tea, not coffee",
      "The dog is called Pixel",
    ];
    const alone = await Promise.all(texts.map((t) => e.embedForSearch(t)));
    const queued = await Promise.all(texts.map((t) => e.embedQuery(t))); // one tick: batches of 4 + 2
    const documents = await e.embedDocuments(texts);
    texts.forEach((_, i) => {
      expect(dot(alone[i]!, queued[i]!)).toBeGreaterThan(0.9999);
      expect(dot(alone[i]!, documents[i]!)).toBeGreaterThan(0.9999);
    });
  });

  it("places a paraphrase nearer than an unrelated sentence", async () => {
    const e = await createMiniLmEmbedder();
    const [job, question, weather] = await e.embedDocuments([
      "I'm a nurse at the children's hospital",
      "What is my profession?",
      "It rained all weekend in Oslo",
    ]);
    expect(dot(job!, question!)).toBeGreaterThan(dot(weather!, question!));
  });

  it("truncates long texts to the model's 256 tokens instead of failing", async () => {
    const e = await createMiniLmEmbedder();
    const v = await e.embedForSearch("memory ".repeat(2000));
    expect(Math.sqrt(dot(v, v))).toBeCloseTo(1, 5);
  });

  it("refuses calls after close and a bad batch size", async () => {
    const e = await createMiniLmEmbedder();
    await e.close();
    await expect(e.embedQuery("x")).rejects.toThrow(/closed/);
    await expect(createMiniLmEmbedder({ maxBatch: 0 })).rejects.toThrow(/maxBatch/);
  });
});
