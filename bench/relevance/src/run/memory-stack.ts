/**
 * The P10 subject: the memory stack as an app runs it (embedded mem0 with its default config and embedder,
 * the typed in-process client), on a fresh data directory under os.tmpdir(). Memories go in through
 * `memory.add` (inference off: stored verbatim); recall with another config reuses the same mem0 through a
 * context of its own, so several configs are measured over one load.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createInnerContext,
  createMemoryClient,
  createMemoryStack,
  type MemoryClient,
  type MemoryConfig,
  type MemoryStack,
  readMemoryEnv,
  silentLogger,
} from "@automatos/memory";
import { embeddingEnv } from "../env.js";
import type { EvalMemory } from "../eval-set/types.js";

export const EVAL_KEY = "eval_key";
const STORE_ATTEMPTS = 4;

export interface BenchStack {
  stack: MemoryStack;
  /** A client acting as `userId`, with the stack's config or, when given, `config`. */
  clientFor(userId: string, config?: MemoryConfig): MemoryClient;
  /** Stores memories one memory each, one at a time, in the set's order (so their timestamps follow it). */
  store(userId: string, memories: readonly EvalMemory[]): Promise<void>;
  /** Adds repeated because mem0 was briefly unavailable (see `store`). */
  readonly storeRetries: number;
  close(): Promise<void>;
}

const principalOf = (userId: string) => ({ app: "chatbot" as const, workspaceId: "p10", userId });

export async function startBenchStack(): Promise<BenchStack> {
  const dir = mkdtempSync(join(tmpdir(), "relevance-p10-"));
  const cleanup: (() => Promise<void>)[] = [async () => rmSync(dir, { recursive: true, force: true })];
  const close = async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn();
  };
  try {
    const env = readMemoryEnv({ ...embeddingEnv(), MEMORY_DATA_DIR: dir, LOG_LEVEL: "silent" });
    const stack = await createMemoryStack({
      env,
      logger: silentLogger(),
      relay: { start: false },
      // Memories are stored verbatim, as the embedded default does (a remote mem0 is otherwise assumed to infer).
      config: { inference: "off" },
    });
    cleanup.push(() => stack.close());
    const clients = new Map<string, MemoryClient>();
    const clientFor = (userId: string, config?: MemoryConfig): MemoryClient => {
      if (config)
        return createMemoryClient({
          source: "chatbot",
          inProcess: {
            createContext: async () =>
              createInnerContext({
                mem0: stack.mem0,
                outbox: stack.outbox,
                principal: principalOf(userId),
                config,
                logger: stack.logger,
              }),
          },
        });
      let client = clients.get(userId);
      if (!client) {
        client = createMemoryClient({
          source: "chatbot",
          inProcess: { createContext: () => stack.createContext(principalOf(userId)) },
        });
        clients.set(userId, client);
      }
      return client;
    };
    let storeRetries = 0;
    // A long run on a busy machine can see the engine briefly unreachable: an add is retried (counted, and
    // at worst stored twice under the same key, which recall's dedup and the metrics both absorb); a
    // persistent failure still ends the run.
    const add = async (client: MemoryClient, m: EvalMemory) => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await client.memory.add.mutate({
            messages: [{ role: m.role ?? "user", content: m.text }],
            metadata: { [EVAL_KEY]: m.key },
            infer: false,
          });
        } catch (e) {
          const code = (e as { data?: { code?: string } }).data?.code;
          if (code !== "SERVICE_UNAVAILABLE" || attempt >= STORE_ATTEMPTS) throw e;
          storeRetries++;
          await new Promise((r) => setTimeout(r, 1_000 * attempt));
        }
      }
    };
    const store = async (userId: string, memories: readonly EvalMemory[]) => {
      const client = clientFor(userId);
      for (const m of memories) await add(client, m);
    };
    return {
      stack,
      clientFor,
      store,
      get storeRetries() {
        return storeRetries;
      },
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}
