/** Input limits of every procedure, in one table (the README lists the same numbers). */
export const LIMITS = {
  messages: { max: 50, contentChars: 8_000, totalChars: 32_000 },
  queryChars: 2_000,
  recallQueryChars: 8_000,
  searchTopK: { min: 1, max: 100, default: 10 },
  recallMaxMemories: { min: 1, max: 50 },
  recallTokenBudget: { min: 50, max: 8_000 },
  recallTimeBudgetMs: { min: 10, max: 5_000 },
  listLimit: { min: 1, max: 1_000, default: 100 },
  memoryTextChars: 8_000,
  metadata: { maxKeys: 32, maxDepth: 3, maxBytes: 4_096, keyChars: 64, stringChars: 1_000, arrayItems: 32 },
  filters: { maxKeys: 16, valueChars: 256 },
  idempotencyKey: { min: 8, max: 128 },
} as const;
