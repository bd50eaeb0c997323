import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  createMiniLmEmbedder,
  MINILM_DIMENSIONS,
  MINILM_EMBEDDER_ID,
  MINILM_FP32_EMBEDDER_ID,
  WRITE_WORKER_NICENESS,
} from "./minilm-embedder.js";

const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * (b[i] as number), 0);

/** The nice value of every thread of this process, by thread id (Linux /proc, field 19 of stat). */
function threadNiceness(): Map<string, number> {
  const nice = new Map<string, number>();
  for (const tid of readdirSync("/proc/self/task")) {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
    nice.set(tid, Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]));
  }
  return nice;
}
const newThreads = (before: Map<string, number>) =>
  [...threadNiceness()].filter(([tid]) => !before.has(tid)).map(([, nice]) => nice);

describe("all-MiniLM-L6-v2 on onnxruntime-node", () => {
  it("reproduces the published sentence-transformers vector of 'This is an example sentence' in fp32", async () => {
    const e = await createMiniLmEmbedder({ precision: "fp32" });
    expect(e.id).toBe(MINILM_FP32_EMBEDDER_ID);
    const v = await e.embedForSearch("This is an example sentence");
    expect(v).toHaveLength(MINILM_DIMENSIONS);
    const published = [0.0677, 0.0636, 0.0487, 0.0794];
    for (const [i, x] of published.entries()) expect(v[i]).toBeCloseTo(x, 3);
    expect(Math.sqrt(dot(v, v))).toBeCloseTo(1, 5);
  });

  it("runs int8 by default, within a small angle of the fp32 vectors and keeping their order", async () => {
    const int8 = await createMiniLmEmbedder();
    const fp32 = await createMiniLmEmbedder({ precision: "fp32" });
    expect(int8.id).toBe(MINILM_EMBEDDER_ID);
    const texts = [
      "This is an example sentence",
      "I'm allergic to peanuts, so please never suggest satay",
      "My daughter starts school in Porto next September",
      "Which programming language did I say I was learning?",
      "Remind me what I told you about my knee injury",
    ];
    const [a, b] = await Promise.all([int8.embedDocuments(texts), fp32.embedDocuments(texts)]);
    for (let i = 0; i < texts.length; i++) expect(dot(a[i]!, b[i]!)).toBeGreaterThan(0.98);
    // Similarities between texts move by little more than the quantization noise. onnxruntime picks its int8
    // kernels by instruction set: the largest move was under 0.03 on the earlier machines and 0.0307 on an
    // AMD EPYC with AVX2 only (2026-12-06), so the bound leaves room for the CPU a run lands on.
    for (let i = 0; i < texts.length; i++)
      for (let j = i + 1; j < texts.length; j++)
        expect(Math.abs(dot(a[i]!, a[j]!) - dot(b[i]!, b[j]!))).toBeLessThan(0.04);
  });

  it("gives the same vector alone, in a micro-batch of padded texts, and through embedDocuments", async () => {
    // Cache off: every path below must run the model.
    const e = await createMiniLmEmbedder({ maxBatch: 4, cacheEntries: 0 });
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

  it("embeds a search in its own worker: the calling thread's vector, answered ahead of a batch of writes", async () => {
    const inWorker = await createMiniLmEmbedder({ cacheEntries: 0 });
    const onThisThread = await createMiniLmEmbedder({
      searchWorker: false,
      writeWorker: false,
      cacheEntries: 0,
    });
    const queries = ["What do I do for a living?", "Where does my sister live now?", "dog's name"];
    for (const q of queries) {
      const [a, b] = await Promise.all([inWorker.embedForSearch(q), onThisThread.embedForSearch(q)]);
      expect(dot(a, b)).toBeGreaterThan(0.9999);
    }
    // 128 long documents keep the write worker busy for a while; the search does not queue behind them.
    const order: string[] = [];
    const writes = inWorker
      .embedDocuments(
        Array.from({ length: 128 }, (_, i) => `note ${i}: ${"a long remembered detail ".repeat(30)}`),
      )
      .then(() => order.push("writes"));
    const search = inWorker.embedForSearch(queries[0]!).then(() => order.push("search"));
    await Promise.all([writes, search]);
    expect(order).toEqual(["search", "writes"]);
    await Promise.all([inWorker.close(), onThisThread.close()]);
  });

  it.runIf(process.platform === "linux")(
    "runs the write worker WRITE_WORKER_NICENESS steps below the engine, the search worker at the engine's priority",
    async () => {
      const own = threadNiceness().get(readFileSync("/proc/thread-self/stat", "utf8").split(" ")[0]!);
      let before = threadNiceness();
      const e = await createMiniLmEmbedder({ cacheEntries: 0 });
      await e.embedForSearch("Where does my sister live now?");
      const searchThreads = newThreads(before);
      before = threadNiceness();
      await e.embedQuery("My sister moved to Porto last spring");
      const writeThreads = newThreads(before);
      await e.close();
      expect(own).toBeDefined();
      expect(searchThreads.length).toBeGreaterThan(0);
      expect(new Set(searchThreads)).toEqual(new Set([own]));
      expect(writeThreads.length).toBeGreaterThan(0);
      expect(new Set(writeThreads)).toEqual(new Set([Math.min(19, (own as number) + WRITE_WORKER_NICENESS)]));
    },
  );

  it("stores a message it has just searched with the search's vector, without running the model again", async () => {
    const e = await createMiniLmEmbedder();
    const uncached = await createMiniLmEmbedder({ cacheEntries: 0, searchWorker: false });
    const message = "I have been getting into pottery lately, every Sunday morning";
    const searched = await e.embedForSearch(message);
    const stored = await e.embedQuery(message);
    expect(stored).toEqual(searched);
    expect(stored).not.toBe(searched); // a new array per call (hybrid-search binds requests by identity)
    expect(e.cacheStats()).toMatchObject({ hits: 1, misses: 1, entries: 1 });
    // What the write worker would have computed for it.
    expect(dot(stored, await uncached.embedQuery(message))).toBeGreaterThan(0.9999);
    await Promise.all([e.close(), uncached.close()]);
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
    await expect(e.embedForSearch("x")).rejects.toThrow(/closed/);
    await expect(createMiniLmEmbedder({ maxBatch: 0 })).rejects.toThrow(/maxBatch/);
  });
});
