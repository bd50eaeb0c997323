/**
 * The benches' one write to `process.env` (biome allows it only in env.ts files).
 *
 * Latency benches that draw their queries from synthetic-corpus.ts see the same text more than once (P5's
 * 330 queries hold 282 different texts), and the embedder's text-vector cache would answer the repeats
 * without the model. These figures are meant to include a query embedding on every call, so they switch the
 * cache off in the engine they start (its child process inherits the variable; src/env.ts reads it).
 */
export function embedEveryQuery(): void {
  process.env.MEM0_EMBEDDED_EMBEDDING_CACHE = "0";
}
