// Fault injection for worker-runner.test.ts: answers like model-worker.mjs (one row per text, every element
// the text's first token id), except that a first token id of -1 ends the thread (exit code 3) and -2 throws
// out of the thread (an "error" event, then "exit"). No model: what is under test is the runner's recovery.
import { parentPort, workerData } from "node:worker_threads";

const { dimensions } = workerData;

parentPort.on("message", ({ id, batches }) => {
  const first = Number(batches[0].inputIds[0]);
  if (first === -1) process.exit(3);
  // Thrown inside the listener: uncaught in the worker, which ends with an "error" event.
  if (first === -2) throw new Error("injected crash");
  if (first < 0) return;
  const rows = batches.reduce((n, b) => n + b.batch, 0);
  const vectors = new Float32Array(rows * dimensions);
  let offset = 0;
  for (const { batch, sequence, inputIds } of batches)
    for (let r = 0; r < batch; r++, offset += dimensions)
      vectors.fill(Number(inputIds[r * sequence]), offset, offset + dimensions);
  parentPort.postMessage({ id, vectors }, [vectors.buffer]);
});
