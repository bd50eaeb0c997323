/**
 * The main job's memory stack: an embedded mem0 and PGlite under a data directory that is fresh for every
 * run (so the transcript is the same each time), the outbox relay running in this process. Nothing is
 * read from the environment: the job must behave the same on any machine.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DEMO_RECALL_BUDGET_MS } from "@automatos/chatbot/runtime";
import { createMemoryStack, type MemoryStack, silentLogger } from "@automatos/memory";

/** Generous on purpose: a cold first search on a busy 2-core machine must not turn into a degraded turn. */
export const MAIN_JOB_RECALL_BUDGET_MS = DEMO_RECALL_BUDGET_MS;

export interface MainJobStack {
  stack: MemoryStack;
  dataDir: string;
  startMs: number;
  close(): Promise<void>;
}

export async function openMainJobStack(
  options: { dataDir?: string; keep?: boolean } = {},
): Promise<MainJobStack> {
  // A given directory is emptied first: a run never starts from the previous run's memories.
  const dataDir = options.dataDir ? resolve(options.dataDir) : mkdtempSync(join(tmpdir(), "main-job-"));
  if (options.dataDir) {
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
  }
  const t0 = performance.now();
  const stack = await createMemoryStack({
    env: {
      mem0: { mode: "embedded", dataDir: join(dataDir, "mem0") },
      database: { dataDir: join(dataDir, "pg") },
      logLevel: "silent",
    },
    logger: silentLogger(),
    config: { recall: { timeBudgetMs: MAIN_JOB_RECALL_BUDGET_MS } },
  });
  return {
    stack,
    dataDir,
    startMs: performance.now() - t0,
    close: async () => {
      await stack.close();
      if (!options.keep) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
