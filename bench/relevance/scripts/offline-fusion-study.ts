/**
 * `pnpm --filter @automatos/relevance study:fusion`: how the embedded engine's hybrid-search weights and
 * memory.recall's defaults were chosen, on the DEV halves only (it refuses anything else).
 *
 * Offline and exact: every memory of a dev tenant and every question is embedded once with the engine's
 * default embedder and tokenised once by PostgreSQL's `english` configuration (PGlite), then each question is
 * scored against the memories stored before it with the engine's own pure scoring
 * (`@automatos/mem0-embedded/scoring`: BM25, fusion, threshold gate). The engine's dense pool (the top 60 by
 * cosine) and lexical pool (the top 60 by BM25) are reproduced, so the figures are those of the fused
 * ranking; memory.recall adds echo removal and de-duplication on top (P10 measures the whole thing, on test).
 * Writes results/offline-fusion-dev.json.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createDefaultEmbedder } from "@automatos/mem0-embedded/embedder";
import {
  bm25Scores,
  fuseScores,
  type LexicalDoc,
  parseTsvector,
  passesThreshold,
} from "@automatos/mem0-embedded/scoring";
import { PGlite } from "@electric-sql/pglite";
import { realMemBenchDirFromEnv } from "../src/env.js";
import { inHouseEvalSet } from "../src/eval-set/inhouse.js";
import type { EvalSet } from "../src/eval-set/types.js";
import { loadRealMemBench } from "../src/realmembench/load.js";
import { DEFAULT_REALMEMBENCH_DIR } from "../src/realmembench/source.js";

const POOL = 60;
if (process.argv.includes("test")) throw new Error("the offline study runs on the dev halves only");

interface Stored {
  key: string;
  vector: number[];
  doc: LexicalDoc;
  order: number;
}
interface Asked {
  evidence: Set<string>;
  cosine: Map<Stored, number>;
  bm25: Map<string, number>;
}

const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * (b[i] as number), 0);

async function prepare(set: EvalSet): Promise<Asked[]> {
  const embedder = await createDefaultEmbedder();
  const db = await PGlite.create();
  const lexemes = async (text: string, array: boolean) =>
    (
      await db.query<{ v: string | string[] }>(
        array
          ? "SELECT tsvector_to_array(to_tsvector('english', $1)) AS v"
          : "SELECT to_tsvector('english', $1)::text AS v",
        [text],
      )
    ).rows[0]?.v as never;
  const asked: Asked[] = [];
  for (const tenant of set.tenants) {
    const stored: Stored[] = [];
    for (const step of tenant.steps) {
      if (step.kind === "add") {
        const vectors = await embedder.embedDocuments(step.memories.map((m) => m.text));
        for (const [i, m] of step.memories.entries()) {
          const id = String(stored.length);
          stored.push({
            key: m.key,
            vector: vectors[i] as number[],
            doc: parseTsvector(id, await lexemes(m.text, false)),
            order: stored.length,
          });
        }
        continue;
      }
      const vectors = await embedder.embedDocuments(step.queries.map((q) => q.text));
      for (const [i, q] of step.queries.entries()) {
        const terms: string[] = await lexemes(q.text, true);
        const matching = stored.filter((s) => terms.some((t) => s.doc.terms.has(t))).map((s) => s.doc);
        const averageLength = stored.reduce((n, s) => n + s.doc.length, 0) / Math.max(1, stored.length);
        asked.push({
          evidence: new Set(q.evidence),
          cosine: new Map(stored.map((s) => [s, dot(s.vector, vectors[i] as number[])])),
          bm25: bm25Scores(terms, matching, { documents: stored.length, averageLength }),
        });
      }
    }
  }
  await db.close();
  return asked;
}

interface Variant {
  name: string;
  dense: number;
  recency: number;
  threshold: number;
  relative: number;
  cap: number;
  /** absolute floor on the fused score (memory.recall's minScore; default 0) */
  min?: number;
}

function measure(asked: Asked[], v: Variant) {
  let recall10 = 0,
    recallCap = 0,
    injected = 0,
    offTopic = 0;
  for (const a of asked) {
    const byCosine = [...a.cosine.entries()]
      .sort((x, y) => y[1] - x[1])
      .slice(0, POOL)
      .map(([s]) => s);
    const byBm25 = new Set(
      [...a.bm25.entries()]
        .sort((x, y) => y[1] - x[1])
        .slice(0, POOL)
        .map(([id]) => id),
    );
    const pool = [...new Set([...byCosine, ...[...a.cosine.keys()].filter((s) => byBm25.has(s.doc.id))])];
    const keyOf = new Map(pool.map((s) => [s.doc.id, s.key]));
    const fused = fuseScores(
      pool.map((s) => ({
        id: s.doc.id,
        cosine: a.cosine.get(s) as number,
        bm25: a.bm25.get(s.doc.id) ?? 0,
        time: String(s.order).padStart(9, "0"),
      })),
      { dense: v.dense, recency: v.recency },
    ).filter((f) => passesThreshold(f, v.threshold));
    const best = fused[0]?.score ?? 0;
    const kept = fused.filter((f) => f.score >= Math.max(v.min ?? 0, v.relative * best));
    const found = (n: number) =>
      new Set(
        kept
          .slice(0, n)
          .map((f) => keyOf.get(f.id))
          .filter((k) => a.evidence.has(k as string)),
      );
    recall10 += found(10).size / a.evidence.size;
    recallCap += found(v.cap).size / a.evidence.size;
    const atCap = kept.slice(0, v.cap);
    injected += atCap.length;
    offTopic += atCap.filter((f) => !a.evidence.has(keyOf.get(f.id) as string)).length;
  }
  const n = Math.max(1, asked.length);
  const r = (x: number) => Math.round((x / n) * 1000) / 1000;
  return {
    recall10: r(recall10),
    recallAtCap: r(recallCap),
    memoriesPerTurn: r(injected),
    offTopicPerTurn: r(offTopic),
  };
}

function bm25Only(asked: Asked[]) {
  let recall = 0;
  for (const a of asked) {
    const top = [...a.bm25.entries()]
      .sort((x, y) => y[1] - x[1])
      .slice(0, 10)
      .map(([id]) => id);
    const keys = new Set([...a.cosine.keys()].filter((s) => top.includes(s.doc.id)).map((s) => s.key));
    recall += [...a.evidence].filter((k) => keys.has(k)).length / a.evidence.size;
  }
  return Math.round((recall / Math.max(1, asked.length)) * 1000) / 1000;
}

const variants: Variant[] = [
  {
    name: "dense only (weight 1, no prior, no gate)",
    dense: 1,
    recency: 0,
    threshold: 0,
    relative: 0,
    cap: 10,
  },
  { name: "fusion 0.6, no prior, no gate", dense: 0.6, recency: 0, threshold: 0, relative: 0, cap: 10 },
  { name: "fusion 0.6 + recency 0.1, no gate", dense: 0.6, recency: 0.1, threshold: 0, relative: 0, cap: 10 },
  { name: "fusion 0.6 + recency 0.2, no gate", dense: 0.6, recency: 0.2, threshold: 0, relative: 0, cap: 10 },
  { name: "fusion 0.6 + recency 0.3, no gate", dense: 0.6, recency: 0.3, threshold: 0, relative: 0, cap: 10 },
  { name: "fusion 0.7 + recency 0.2, no gate", dense: 0.7, recency: 0.2, threshold: 0, relative: 0, cap: 10 },
  {
    name: "+ threshold 0.1, relative 0.3, min 0.1, cap 8 (earlier defaults)",
    dense: 0.6,
    recency: 0.2,
    threshold: 0.1,
    relative: 0.3,
    cap: 8,
    min: 0.1,
  },
  {
    name: "+ threshold 0.3, relative 0.3, cap 8",
    dense: 0.6,
    recency: 0.2,
    threshold: 0.3,
    relative: 0.3,
    cap: 8,
  },
  {
    name: "+ threshold 0.3, relative 0.5, cap 8",
    dense: 0.6,
    recency: 0.2,
    threshold: 0.3,
    relative: 0.5,
    cap: 8,
  },
  {
    name: "+ threshold 0.3, relative 0.5, cap 5 (the defaults)",
    dense: 0.6,
    recency: 0.2,
    threshold: 0.3,
    relative: 0.5,
    cap: 5,
  },
  {
    name: "+ threshold 0.3, relative 0.5, cap 4",
    dense: 0.6,
    recency: 0.2,
    threshold: 0.3,
    relative: 0.5,
    cap: 4,
  },
  {
    name: "+ threshold 0.25, relative 0.3, cap 6",
    dense: 0.6,
    recency: 0.2,
    threshold: 0.25,
    relative: 0.3,
    cap: 6,
  },
];

const sets: EvalSet[] = [inHouseEvalSet("dev")];
const rmb = loadRealMemBench(realMemBenchDirFromEnv() ?? DEFAULT_REALMEMBENCH_DIR, "dev");
if ("skipped" in rmb) console.log(rmb.skipped);
else sets.unshift(rmb);

const out: Record<string, unknown> = { split: "dev", pool: POOL, measuredAt: new Date().toISOString() };
for (const set of sets) {
  const asked = await prepare(set);
  const rows = variants.map((v) => ({ variant: v.name, ...v, ...measure(asked, v) }));
  out[set.name] = { questions: asked.length, bm25Recall10: bm25Only(asked), rows };
  console.log(`\n${set.name} (dev, ${asked.length} questions) BM25 recall@10 ${bm25Only(asked)}`);
  console.table(
    rows.map((r) => ({
      variant: r.variant,
      "r@10": r.recall10,
      "r@cap": r.recallAtCap,
      mem: r.memoriesPerTurn,
      off: r.offTopicPerTurn,
    })),
  );
}
writeFileSync(
  join(import.meta.dirname, "..", "results", "offline-fusion-dev.json"),
  `${JSON.stringify(out, null, 2)}\n`,
);
