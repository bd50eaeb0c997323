import { describe, expect, it } from "vitest";
import type { Dataset, Turn } from "../dataset/types.js";
import { evaluateRetrieval } from "../evaluate.js";
import { createBm25Retriever } from "./bm25-retriever.js";
import { createRecentRetriever } from "./recent-retriever.js";

const turn = (userId: string, n: number, text: string): Turn => ({
  id: `${userId}-s0-t${n}`,
  userId,
  session: 0,
  position: n,
  role: "user",
  text,
  timestamp: new Date(Date.UTC(2025, 0, 1, 12, n)).toISOString(),
});

const tiny: Dataset = {
  personas: [
    { userId: "ann", name: "Ann", sessionDates: ["2025-01-01"] },
    { userId: "bob", name: "Bob", sessionDates: ["2025-01-01"] },
  ],
  turns: [
    turn("ann", 0, "My sister works as a veterinarian in Glasgow."),
    turn("ann", 1, "I adopted a grey tabby cat called Pickle."),
    turn("ann", 2, "Can you recommend a thriller novel?"),
    turn("ann", 3, "The weather has been awful all week."),
    turn("bob", 0, "My cat Pickle hates the vet."),
    turn("bob", 1, "I play the cello on Sundays."),
    turn("bob", 2, "Tell me a joke."),
  ],
  questions: [
    {
      id: "q1",
      userId: "ann",
      category: "single-fact",
      question: "What's my cat called?",
      answer: "Pickle",
      evidence: ["ann-s0-t1"],
    },
    {
      id: "q2",
      userId: "ann",
      category: "single-fact",
      question: "Where do my sister's work?",
      answer: "Glasgow",
      evidence: ["ann-s0-t0"],
    },
    {
      id: "q3",
      userId: "bob",
      category: "paraphrased",
      question: "Which instrument?",
      answer: "cello",
      evidence: ["bob-s0-t1"],
    },
  ],
};

describe("BM25 baseline", () => {
  const bm25 = createBm25Retriever(tiny);

  it("ranks the turn sharing the question's (stemmed) words first", async () => {
    expect((await bm25("ann", "what is my cat called", 3))[0]).toBe("ann-s0-t1");
    expect((await bm25("ann", "sisters working", 3))[0]).toBe("ann-s0-t0");
  });

  it("searches only the asking user's turns", async () => {
    const ids = await bm25("bob", "cat Pickle vet", 10);
    expect(ids[0]).toBe("bob-s0-t0");
    expect(ids.every((id) => id.startsWith("bob-"))).toBe(true);
    expect(await bm25("nobody", "cat", 5)).toEqual([]);
  });

  it("finds nothing without a shared word (the paraphrase gap)", async () => {
    expect(await bm25("bob", "Which instrument?", 5)).toEqual([]);
  });
});

describe("legacy most-recent baseline", () => {
  it("returns the user's latest turns whatever the question", async () => {
    const recent = createRecentRetriever(tiny);
    expect(await recent("ann", "anything", 2)).toEqual(["ann-s0-t3", "ann-s0-t2"]);
    expect(await recent("ann", "something else", 2)).toEqual(["ann-s0-t3", "ann-s0-t2"]);
  });
});

describe("evaluateRetrieval", () => {
  it("scores a retriever end to end over a dataset", async () => {
    const report = await evaluateRetrieval(createBm25Retriever(tiny), { dataset: tiny, ks: [1, 5] });
    expect(report.overall.questions).toBe(3);
    expect(report.overall.recall[5]).toBeCloseTo(2 / 3);
    expect(report.byCategory.paraphrased?.recall[5]).toBe(0);
    expect(report.latenciesMs).toHaveLength(3);
    expect(report.perQuestion.map((q) => q.id)).toEqual(["q1", "q2", "q3"]);
  });

  it("asks for max(ks) results and honours a filter and concurrency", async () => {
    const asked: number[] = [];
    const report = await evaluateRetrieval(
      async (_u, _q, k) => {
        asked.push(k);
        return [];
      },
      { dataset: tiny, ks: [3, 7], filter: (q) => q.userId === "ann", concurrency: 2 },
    );
    expect(asked).toEqual([7, 7]);
    expect(report.overall.hit[7]).toBe(0);
  });

  it("rejects bad options with the field named", async () => {
    await expect(evaluateRetrieval(async () => [], { dataset: tiny, ks: [0] })).rejects.toThrow(/ks/);
    await expect(evaluateRetrieval(async () => [], { dataset: tiny, concurrency: 0 })).rejects.toThrow(
      /concurrency/,
    );
  });
});
