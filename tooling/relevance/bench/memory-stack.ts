/**
 * The P10 subject: the memory stack as an app runs it (embedded mem0 with its default config and embedder,
 * the typed in-process client), on a fresh data directory under os.tmpdir(), and the 3,060 turns stored one
 * memory per turn through `memory.add` (inference off: the turn is stored verbatim, as chat turns are).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmbeddedMem0 } from "@automatos/mem0-embedded";
import {
  createMemoryClient,
  createMemoryStack,
  type MemoryStack,
  readMemoryEnv,
  silentLogger,
} from "@automatos/memory";
import pLimit from "p-limit";
import { memoriesByUser } from "../src/dataset/memories.js";
import type { Dataset } from "../src/dataset/types.js";
import { embeddingEnv } from "../src/env.js";

export interface BenchStack {
  stack: MemoryStack;
  clientFor(userId: string): ReturnType<typeof createMemoryClient>;
  close(): Promise<void>;
}

/**
 * The default stack (`lexicon` unset), or, for the caveat measurement, the offline embedder without its concept
 * lexicon: that embedded mem0 is started here and the stack talks to it as to any mem0 server (same router,
 * same client, same REST path; only who starts the engine differs).
 */
export async function startBenchStack(options: { lexicon?: false } = {}): Promise<BenchStack> {
  const dir = mkdtempSync(join(tmpdir(), "relevance-p10-"));
  const cleanup: (() => Promise<void>)[] = [async () => rmSync(dir, { recursive: true, force: true })];
  const close = async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn();
  };
  try {
    const base = { MEMORY_DATA_DIR: dir, LOG_LEVEL: "silent" };
    let env = readMemoryEnv({ ...embeddingEnv(), ...base });
    if (options.lexicon === false) {
      const engine = await startEmbeddedMem0({ dataDir: join(dir, "mem0"), localLexicon: false });
      cleanup.push(() => engine.close());
      env = readMemoryEnv({ ...base, MEM0_API_URL: engine.url, MEM0_API_KEY: engine.apiKey });
    }
    const stack = await createMemoryStack({
      env,
      logger: silentLogger(),
      relay: { start: false },
      // Turns are stored verbatim, as the embedded default does (a remote mem0 is otherwise assumed to infer).
      config: { inference: "off" },
    });
    cleanup.push(() => stack.close());
    return {
      stack,
      clientFor: (userId) =>
        createMemoryClient({
          source: "chatbot",
          inProcess: {
            createContext: () => stack.createContext({ app: "chatbot", workspaceId: "p10", userId }),
          },
        }),
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

/**
 * Adds every turn as one memory. A user's turns go in conversation order, so creation time orders them as
 * the conversation did (dedup's "newest wins" depends on it); users load in parallel.
 */
export async function loadTurns(bench: BenchStack, dataset: Dataset, concurrency = 4): Promise<number> {
  const limit = pLimit(concurrency);
  let added = 0;
  await Promise.all(
    [...memoriesByUser(dataset)].map(([userId, records]) =>
      limit(async () => {
        const client = bench.clientFor(userId);
        for (const r of records) {
          await client.memory.add.mutate({
            messages: [{ role: r.role, content: r.text }],
            // `role` is a key mem0 owns (the message carries it); the turn id maps results back.
            metadata: { turn_id: r.metadata.turn_id, session: r.metadata.session },
            infer: false,
          });
          added++;
        }
      }),
    ),
  );
  return added;
}
