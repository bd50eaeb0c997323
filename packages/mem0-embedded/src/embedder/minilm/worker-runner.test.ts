/**
 * The runner's recovery from a dead worker. The worker here is a fault-injecting stand-in
 * (src/testing/dying-model-worker.mjs); the real model worker runs in minilm-embedder.test.ts and the engine tests.
 */
import { describe, expect, it } from "vitest";
import { MINILM_DIMENSIONS } from "./identity.js";
import type { TokenBatch } from "./tokenize.js";
import { startWorkerRunner } from "./worker-runner.js";

const script = new URL("../../testing/dying-model-worker.mjs", import.meta.url);
const batch = (firstToken: number): TokenBatch[] => [
  {
    batch: 1,
    sequence: 2,
    inputIds: BigInt64Array.from([BigInt(firstToken), 0n]),
    attentionMask: BigInt64Array.from([1n, 1n]),
  },
];
const firstOf = (rows: number[][]) => rows[0]?.[0];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("startWorkerRunner", () => {
  it.each([
    ["exits", -1, /exited \(code 3\)/],
    ["throws", -2, /failed: injected crash/],
  ])(
    "fails the calls a worker held when it %s, then embeds again with a new one",
    async (_, poison, error) => {
      const runner = startWorkerRunner({ intraOpNumThreads: 1, precision: "int8", script });
      try {
        const rows = await runner.run(batch(7));
        expect(rows).toHaveLength(1);
        expect(rows[0]).toHaveLength(MINILM_DIMENSIONS);
        expect(firstOf(rows)).toBe(7);

        // The poison and a call queued behind it: the worker dies before it reads the second, which fails too.
        const poisoned = runner.run(batch(poison));
        const queued = runner.run(batch(8));
        await expect(poisoned).rejects.toThrow(error);
        await expect(queued).rejects.toThrow(error);
        // Right after the death the runner does not spin up workers: it answers with the death.
        await expect(runner.run(batch(9))).rejects.toThrow(error);
        await sleep(300); // past the first pause (250 ms at most)
        expect(firstOf(await runner.run(batch(10)))).toBe(10);
        expect(firstOf(await runner.run(batch(11)))).toBe(11);
      } finally {
        await runner.close();
      }
    },
  );

  it("waits longer after each death in a row, and starts afresh after an answer", async () => {
    const runner = startWorkerRunner({ intraOpNumThreads: 1, precision: "int8", script });
    try {
      await expect(runner.run(batch(-1))).rejects.toThrow(/exited/);
      await sleep(300);
      await expect(runner.run(batch(-1))).rejects.toThrow(/exited/); // second death in a row: 250-500 ms
      await expect(runner.run(batch(5))).rejects.toThrow(/exited/); // within that pause: refused
      await sleep(520);
      expect(firstOf(await runner.run(batch(5)))).toBe(5);
      await expect(runner.run(batch(-1))).rejects.toThrow(/exited/); // after an answer: 125-250 ms again
      await sleep(300);
      expect(firstOf(await runner.run(batch(6)))).toBe(6);
    } finally {
      await runner.close();
    }
  });

  it("refuses every call once closed", async () => {
    const runner = startWorkerRunner({ intraOpNumThreads: 1, precision: "int8", script });
    expect(firstOf(await runner.run(batch(3)))).toBe(3);
    await runner.close();
    await expect(runner.run(batch(4))).rejects.toThrow(/closed/);
  });
});
