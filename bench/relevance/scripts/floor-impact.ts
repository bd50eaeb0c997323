/**
 * What the memory router's relevance floor would do to recall (an ANALYSIS, not the P10 benchmark, which runs
 * the real router): mem0 on pgvector, topK 50 and threshold 0.1 as the router asks, then a re-implementation of
 * packages/memory's DEFAULT_FLOOR (keep if score >= max(0.1, 0.5 x best) and (score >= 0.3 or a content stem
 * shared with the query, prefix match >= 4 letters)) and its maxMemories 8. Writes results/floor-impact.json.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createConceptLexicon } from "@automatos/mem0-embedded/embedder";
import { contentStems, stemsMatch } from "@automatos/text";
import { createBm25Retriever } from "../src/baselines/bm25-retriever.js";
import { loadDataset } from "../src/dataset/load-dataset.js";
import { evaluateRetrieval } from "../src/evaluate.js";
import { EMBEDDER_VARIANTS } from "../src/experiments/variants.js";
import { createMem0Retriever, type ScoredTurn } from "../src/mem0/mem0-retriever.js";

const FILE = fileURLToPath(new URL("../results/floor-impact.json", import.meta.url));
const FLOOR = { minScore: 0.1, strongScore: 0.3, relativeToBest: 0.5 };
const MAX_MEMORIES = 8;
const lexicon = createConceptLexicon();
const concepts = (stems: string[]) => new Set(stems.flatMap((s) => lexicon.conceptsOf(s)));

/** `conceptEvidence`: a shared lexicon concept also counts as lexical evidence (the proposed floor fix). */
function applyFloor(
  hits: ScoredTurn[],
  question: string,
  opts: { conceptEvidence?: boolean; relative?: number } = {},
) {
  const best = Math.max(0, ...hits.map((h) => h.score));
  const cut = Math.max(FLOOR.minScore, best * (opts.relative ?? FLOOR.relativeToBest));
  // Chat filler ("tell", "remember", ...) is among @automatos/text's stop words, as for the router's floor.
  const q = contentStems(question);
  const qConcepts = concepts(q);
  const evidence = (text: string) => {
    const m = contentStems(text);
    if (m.some((x) => q.some((s) => stemsMatch(s, x)))) return true;
    return opts.conceptEvidence === true && [...concepts(m)].some((c) => qConcepts.has(c));
  };
  return hits.filter((h) => h.score >= cut && (h.score >= FLOOR.strongScore || evidence(h.text)));
}

const dataset = loadDataset();
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const rows: Record<string, unknown>[] = [];
const bm25 = await evaluateRetrieval(createBm25Retriever(dataset), { dataset, ks: [MAX_MEMORIES, 10] });
rows.push({ name: "bm25", recall8: r3(bm25.overall.recall[8]!), recall10: r3(bm25.overall.recall[10]!) });
console.log("bm25", rows[0]);
for (const name of ["local-hash-v1-512", "idf-1024", "lexicon-1024 (recommended)"]) {
  const mem0 = await createMem0Retriever({
    dataset,
    embedder: EMBEDDER_VARIANTS[name]!(),
    store: "pgvector",
    threshold: 0.1,
  });
  try {
    const raw = await evaluateRetrieval(
      async (u, q) => (await mem0.searchScored(u, q, 50)).map((h) => h.turnId),
      {
        dataset,
        ks: [MAX_MEMORIES, 10],
      },
    );
    const floored = await evaluateRetrieval(
      async (u, q) => applyFloor(await mem0.searchScored(u, q, 50), q).map((h) => h.turnId),
      { dataset, ks: [MAX_MEMORIES] },
    );
    const floorWith = async (opts: Parameters<typeof applyFloor>[2]) =>
      evaluateRetrieval(
        async (u, q) => applyFloor(await mem0.searchScored(u, q, 50), q, opts).map((h) => h.turnId),
        {
          dataset,
          ks: [MAX_MEMORIES],
        },
      );
    const withConcepts = await floorWith({ conceptEvidence: true });
    const noRelative = await floorWith({ relative: 0 });
    const row = {
      name,
      recall8: r3(raw.overall.recall[8]!),
      recall10: r3(raw.overall.recall[10]!),
      recall8AfterFloor: r3(floored.overall.recall[8]!),
      recall8FloorWithConceptEvidence: r3(withConcepts.overall.recall[8]!),
      recall8FloorWithoutRelativeCut: r3(noRelative.overall.recall[8]!),
      paraphrased8: r3(raw.byCategory.paraphrased!.recall[8]!),
      paraphrased8AfterFloor: r3(floored.byCategory.paraphrased!.recall[8]!),
    };
    rows.push(row);
    console.log(row);
  } finally {
    await mem0.close();
  }
}
writeFileSync(
  FILE,
  `${JSON.stringify({ at: new Date().toISOString(), floor: FLOOR, maxMemories: MAX_MEMORIES, rows }, null, 2)}\n`,
);
