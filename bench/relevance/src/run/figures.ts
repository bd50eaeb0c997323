import { round, summarize } from "@automatos/bench";
import type { QuestionResult } from "../evaluate.js";
import { summariseByCategory } from "../metrics/evidence-recall.js";

export interface ArmFigures {
  questions: number;
  recallAt5: number;
  recallAt10: number;
  hitAt10: number;
  /** Memories returned (for memory.recall: injected) per turn. */
  memoriesPerTurn: number;
  /** Of those, memories that are not evidence of the turn's query. */
  offTopicPerTurn: number;
  latencyMs: { p50: number; p95: number };
  recallAt10ByCategory: Record<string, number>;
}

export function figuresOf(results: readonly QuestionResult[]): ArmFigures {
  const { overall, byCategory } = summariseByCategory(results, [5, 10]);
  const n = Math.max(1, results.length);
  let memories = 0;
  let offTopic = 0;
  for (const r of results) {
    const evidence = new Set(r.evidence);
    memories += r.retrieved.length;
    offTopic += r.retrieved.filter((k) => !evidence.has(k)).length;
  }
  const latency = results.length > 0 ? summarize(results.map((r) => r.latencyMs)) : { p50: 0, p95: 0 };
  return {
    questions: results.length,
    recallAt5: round(overall.recall[5] ?? 0, 3),
    recallAt10: round(overall.recall[10] ?? 0, 3),
    hitAt10: round(overall.hit[10] ?? 0, 3),
    memoriesPerTurn: round(memories / n, 2),
    offTopicPerTurn: round(offTopic / n, 2),
    latencyMs: { p50: round(latency.p50, 1), p95: round(latency.p95, 1) },
    recallAt10ByCategory: Object.fromEntries(
      Object.entries(byCategory).map(([c, s]) => [c, round(s.recall[10] ?? 0, 3)]),
    ),
  };
}

/** A markdown table of one set's arms; the ratio column is recall@10 over `baseline`'s. */
export function renderFigures(title: string, rows: Record<string, ArmFigures>, baseline: string): string {
  const base = rows[baseline]?.recallAt10 ?? 0;
  const lines = [
    `### ${title}`,
    "",
    "| retriever | recall@5 | recall@10 | x BM25 | hit@10 | memories / turn | off-topic / turn | p50 ms | p95 ms |",
    "|---|---|---|---|---|---|---|---|---|",
  ];
  for (const [name, f] of Object.entries(rows)) {
    const ratio = base > 0 ? `${(f.recallAt10 / base).toFixed(2)}x` : "-";
    lines.push(
      `| ${name} | ${f.recallAt5.toFixed(3)} | ${f.recallAt10.toFixed(3)} | ${ratio} | ${f.hitAt10.toFixed(3)} | ${f.memoriesPerTurn.toFixed(2)} | ${f.offTopicPerTurn.toFixed(2)} | ${f.latencyMs.p50} | ${f.latencyMs.p95} |`,
    );
  }
  return lines.join("\n");
}
