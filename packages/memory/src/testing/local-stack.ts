/**
 * A memory stack on an embedded mem0 under `mem0Dir` and an in-memory PGlite, silent, with the relay left to
 * the caller: what tests and benchmarks share (createMemoryStack with explicit settings, no process.env).
 */
import type { MemoryConfigInput } from "../config.js";
import { silentLogger } from "../logger.js";
import { createMemoryStack, type MemoryStack, type MemoryStackOptions } from "../stack/index.js";

export function startLocalStack(
  mem0Dir: string,
  options: { config?: MemoryConfigInput; mem0Dispatcher?: MemoryStackOptions["mem0Dispatcher"] } = {},
): Promise<MemoryStack> {
  return createMemoryStack({
    env: {
      mem0: { mode: "embedded", dataDir: mem0Dir },
      database: { dataDir: "memory://" },
      logLevel: "silent",
    },
    logger: silentLogger(),
    relay: { start: false },
    ...(options.mem0Dispatcher ? { mem0Dispatcher: options.mem0Dispatcher } : {}),
    ...(options.config ? { config: options.config } : {}),
  });
}
