/**
 * `pnpm mem0:embedded`: the embedded mem0 as a stand-alone server for other processes, on 127.0.0.1
 * (port MEM0_EMBEDDED_PORT, default 8888; data in MEM0_EMBEDDED_DATA_DIR, default .data/mem0).
 * This process does nothing else, so the engine runs in it directly.
 */
import { readServeEnv } from "../env.js";
import { startEmbeddedMem0 } from "../start.js";

const env = readServeEnv();
const server = await startEmbeddedMem0({ ...env, processModel: "in-process" });
console.log(
  `embedded mem0 listening on ${server.url} (inference ${server.inference}, embedder ${server.embedder}); ` +
    `data in ${env.dataDir}; API key in ${env.dataDir}/api-key`,
);
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server
      .close()
      .then(() => process.exit(0))
      .catch((err: Error) => {
        console.error(`close failed: ${err.message}`);
        process.exit(1);
      });
  });
}
