/**
 * The main job's memory: an embedded mem0 (its own child process, served on loopback) and PGlite under a
 * data directory that is fresh for every run (so the transcript is the same each time). The apps, run as
 * child processes, all call this mem0; the main job's own stack (outbox, relay, router) serves its direct
 * checks. Nothing is read from the environment: the job must behave the same on any machine.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DEMO_RECALL_BUDGET_MS } from "@automatos/app-runtime";
import { silentLogger } from "@automatos/memory/client";
import { createMemoryStack, type MemoryStack } from "@automatos/memory/stack";

/** Generous on purpose: a cold first search on a busy 2-core machine must not turn into a degraded turn. */
export const MAIN_JOB_RECALL_BUDGET_MS = DEMO_RECALL_BUDGET_MS;

export interface MainJobStack {
  stack: MemoryStack;
  /** The embedded mem0 the apps' child processes call (MEM0_API_URL, MEM0_API_KEY). */
  mem0: { url: string; apiKey: string };
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
  const close = async () => {
    await stack.close();
    if (!options.keep) rmSync(dataDir, { recursive: true, force: true });
  };
  if (!stack.embedded) {
    await close();
    throw new Error("the main job's stack started no embedded mem0");
  }
  return {
    stack,
    mem0: { url: stack.embedded.url, apiKey: stack.embedded.apiKey },
    dataDir,
    startMs: performance.now() - t0,
    close,
  };
}
