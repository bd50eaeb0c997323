/**
 * How the local embedder's dimension trades collisions for size. Feature hashing folds many features into
 * few dimensions; fewer dimensions = more collisions = more noise between unrelated texts, but a smaller,
 * faster pgvector index. For 256 / 512 / 768 / 1024 dims, on 10k synthetic memories:
 *  - noise: mean |cosine| between random unrelated pairs (the floor every real match must clear);
 *  - hit@1: a query made of one memory's name and object in another wording ("sushi for Maya?") finds a
 *    memory that has both words as its nearest neighbour (brute force, no index: the embedder alone);
 *  - embed time per text.
 * The default (1024) was chosen on bench/relevance's retrieval set (recall@10 through mem0, its README);
 * these synthetic figures are the collision side of that choice.
 */
import { round, writeResult } from "@automatos/bench";
import { createLocalEmbedder, DEFAULT_LOCAL_DIMENSIONS } from "../src/embedder/local-embedder.js";
import { memoryFact, rng } from "./synthetic-corpus.js";

const N = 10_000;
const QUERIES = 300;
const corpus = rng(11);
const facts = Array.from({ length: N }, (_, i) => memoryFact(corpus, i));
const texts = facts.map((f) => f.text);

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

const results: Record<string, { noise: number; hitAt1: number; embedUsPerText: number }> = {};
for (const dims of [256, 512, 768, DEFAULT_LOCAL_DIMENSIONS]) {
  const e = createLocalEmbedder({ dimensions: dims });
  const t0 = performance.now();
  const vecs = texts.map((t) => Float32Array.from(e.embed(t)));
  const embedUsPerText = ((performance.now() - t0) * 1000) / N;
  const r = rng(5);
  let noise = 0;
  for (let i = 0; i < 2000; i++)
    noise += Math.abs(
      dot(vecs[Math.floor(r() * N)] as Float32Array, vecs[Math.floor(r() * N)] as Float32Array),
    );
  let hits = 0;
  for (let q = 0; q < QUERIES; q++) {
    const { name, object } = facts[Math.floor(r() * N)] as (typeof facts)[number];
    const qv = Float32Array.from(e.embed(`${object} for ${name}?`));
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < N; i++) {
      const s = dot(qv, vecs[i] as Float32Array);
      if (s > bestScore) [best, bestScore] = [i, s];
    }
    const top = texts[best] as string;
    if (top.startsWith(`${name} `) && top.includes(` ${object}`)) hits++;
  }
  results[String(dims)] = {
    noise: round(noise / 2000, 4),
    hitAt1: round(hits / QUERIES, 3),
    embedUsPerText: round(embedUsPerText, 1),
  };
  console.log(dims, results[String(dims)]);
}

writeResult("P5-local-embedder-dims", {
  value: DEFAULT_LOCAL_DIMENSIONS,
  unit: "dims",
  bar: "reported (default dimension of the local embedder; chosen on the relevance set, see bench/relevance)",
  pass: true,
  details: { memories: N, queries: QUERIES, byDimensions: results },
});
