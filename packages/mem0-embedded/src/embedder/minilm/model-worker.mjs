// The MiniLM graph run in a worker thread. onnxruntime-node's InferenceSession.run is synchronous on the
// calling thread; in the engine's main thread it stalls PGlite (which runs SQL there) for the whole batch.
// Here, batches of writes embed on the second core while the main thread serves SQL and searches.
// Plain JavaScript: a worker does not inherit the TypeScript loader in every host (vitest, tsx, node).
import { getPriority, setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import * as ort from "onnxruntime-node";

const { modelPath, intraOpNumThreads, dimensions, niceness } = workerData;
// The write worker yields the cores to searches (worker-runner.ts, `niceness`). On Linux a nice value belongs
// to a thread, so setpriority(0) here lowers this thread alone (and the onnxruntime threads it starts next);
// elsewhere it would lower the whole engine process, so it is left alone. Relative to the thread's own value
// (inherited from the host), capped at 19: always a lowering, which needs no privileges.
if (niceness > 0 && process.platform === "linux") setPriority(Math.min(19, getPriority() + niceness));
const session = ort.InferenceSession.create(modelPath, {
  intraOpNumThreads,
  interOpNumThreads: 1,
  executionMode: "sequential",
  graphOptimizationLevel: "all",
});

// A message holds one or more token batches (int8: one text each, see tokenize.ts); their rows are answered
// in order in one Float32Array.
parentPort.on("message", async ({ id, batches }) => {
  try {
    const rows = batches.reduce((n, b) => n + b.batch, 0);
    const vectors = new Float32Array(rows * dimensions);
    let offset = 0;
    for (const { batch, sequence, inputIds, attentionMask } of batches) {
      const out = await (await session).run({
        input_ids: new ort.Tensor("int64", inputIds, [batch, sequence]),
        attention_mask: new ort.Tensor("int64", attentionMask, [batch, sequence]),
      });
      vectors.set(out.sentence_embedding.data.subarray(0, batch * dimensions), offset);
      offset += batch * dimensions;
    }
    parentPort.postMessage({ id, vectors }, [vectors.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
