/**
 * The real stack for integration tests: embedded mem0 (mem0's engine on PGlite) + the real mem0 client over
 * loopback HTTP (through a request counter) + PGlite outbox and relay, all under a fresh temp dir.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Principal } from "@automatos/memory-policy";
import type { MemoryConfigInput } from "../config.js";
import { appRouter } from "../root.js";
import type { MemoryStack } from "../stack/index.js";
import { createCallerFactory } from "../trpc.js";
import { createRequestCounter, type RequestCounter } from "./counting-dispatcher.js";
import { startLocalStack } from "./local-stack.js";

/** Starting an embedded mem0 (child process + PGlite) takes 10-40 s on a busy 2-core machine. */
export const STACK_HOOK_TIMEOUT_MS = 180_000;

const factory = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof factory>;

export interface TestStack {
  stack: MemoryStack;
  counter: RequestCounter;
  caller(principal: Principal | null, options?: { requestId?: string }): Promise<Caller>;
  /** Delivers every queued remember to mem0 now. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestStack(options: { config?: MemoryConfigInput } = {}): Promise<TestStack> {
  const dir = mkdtempSync(join(tmpdir(), "memory-test-"));
  const counter = createRequestCounter();
  const stack = await startLocalStack(join(dir, "mem0"), {
    mem0Dispatcher: counter.dispatcher,
    // Tests time nothing, but a loaded 2-core machine must not turn the recall budget into flakiness.
    config: { ...options.config, recall: { timeBudgetMs: 5_000, ...options.config?.recall } },
  });
  return {
    stack,
    counter,
    caller: async (principal, options) => factory(await stack.createContext(principal, options)),
    drain: async () => {
      for (;;) {
        const r = await stack.relay.drainOnce(100);
        if (r.claimed === 0) return;
      }
    },
    close: async () => {
      await stack.close();
      await counter.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
