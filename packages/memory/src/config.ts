/**
 * Behaviour settings of the memory service (not secrets, not connections). Every default is here, in one
 * place, so the README's table and the code cannot drift apart.
 */
import { DEFAULT_DEDUP, type DedupRules } from "./recall/dedup.js";
import { DEFAULT_FLOOR, type FloorRules } from "./recall/floor.js";
import { GATE_RULES, type GateRules } from "./recall/gate.js";

export interface RecallConfig {
  /** Hard budget for the mem0 part of recall; past it the turn goes on with no memories (degraded). */
  timeBudgetMs: number;
  /**
   * topK asked of mem0 (more than maxMemories: the floor and dedup need headroom). mem0 ranks its semantic
   * top max(4 x topK, 60) candidates, so 15 keeps the engine's minimum pool of 60 (the embedded engine adds
   * up to as many word matches to that pool: hybrid search). Larger values cost latency at 100k memories.
   */
  searchTopK: number;
  /**
   * The search's `threshold`. On the embedded engine it applies to the cosine of the sentence model, halved
   * for a memory that matches a query word (its hybrid search); 0.3 was chosen on the dev halves of the
   * relevance sets. On an external mem0 it is mem0's raw-cosine gate of whatever embedder it runs: set it
   * for that embedder.
   */
  searchThreshold: number;
  /**
   * Most memories placed in the context block. 5: most turns are answered by one or two memories; on the dev
   * halves 5 (with the floor below) injected 2.5 off-topic memories per turn where 8 injected 3.3.
   */
  maxMemories: number;
  /** Most tokens (o200k_base) of the whole context block, fence included. */
  tokenBudget: number;
  gate: GateRules;
  floor: FloorRules;
  dedup: DedupRules;
}

export interface MemoryConfig {
  recall: RecallConfig;
  /** Per-call timeout for mem0 reads and deletes (search, list, get, history, delete, forget). */
  mem0TimeoutMs: number;
  /** Per-call timeout for synchronous mem0 writes (add, update): embedding, and with inference an LLM call. */
  mem0WriteTimeoutMs: number;
  /** Timeout of the mem0 ping in `health`. */
  healthTimeoutMs: number;
  /** Whether mem0 extracts facts with an LLM (`infer`); "off" stores messages verbatim. */
  inference: "on" | "off";
  /** How many memories `forget` deletes concurrently when it must delete one by one. */
  forgetConcurrency: number;
}

export const DEFAULT_CONFIG: MemoryConfig = {
  recall: {
    timeBudgetMs: 150,
    searchTopK: 15,
    searchThreshold: 0.3,
    maxMemories: 5,
    tokenBudget: 600,
    gate: GATE_RULES,
    floor: DEFAULT_FLOOR,
    dedup: DEFAULT_DEDUP,
  },
  mem0TimeoutMs: 5_000,
  mem0WriteTimeoutMs: 30_000,
  healthTimeoutMs: 1_000,
  inference: "off",
  forgetConcurrency: 8,
};

export type MemoryConfigInput = Partial<Omit<MemoryConfig, "recall">> & { recall?: Partial<RecallConfig> };

/** Configs produced here, so a per-request context can reuse one instead of merging the defaults again. */
// The defaults are shared by every context created without a config: frozen, so no caller can change them.
for (const part of [
  DEFAULT_CONFIG.recall.floor,
  DEFAULT_CONFIG.recall.dedup,
  DEFAULT_CONFIG.recall,
  DEFAULT_CONFIG,
]) {
  Object.freeze(part);
}
const RESOLVED = new WeakSet<object>([DEFAULT_CONFIG]);

export function resolveConfig(input: MemoryConfigInput = DEFAULT_CONFIG): MemoryConfig {
  if (RESOLVED.has(input)) return input as MemoryConfig;
  const config = { ...DEFAULT_CONFIG, ...input, recall: { ...DEFAULT_CONFIG.recall, ...input.recall } };
  RESOLVED.add(config);
  return config;
}
