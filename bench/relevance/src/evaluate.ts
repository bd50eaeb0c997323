import { performance } from "node:perf_hooks";
import { loadDataset } from "./dataset/load-dataset.js";
import type { Dataset, Question } from "./dataset/types.js";
import { type MetricSummary, summariseByCategory } from "./metrics/evidence-recall.js";

/** Any retrieval under test: returns the ids of the user's turns it would inject, best first. */
export type Retriever = (userId: string, question: string, k: number) => Promise<string[]>;

export interface EvaluateOptions {
  dataset?: Dataset;
  /** Cut-offs to report; the retriever is asked for max(ks) results. Default [5, 10]. */
  ks?: number[];
  /** Restrict to some questions (e.g. a dev/test split or a quick subset). */
  filter?: (q: Question) => boolean;
  /** Questions in flight at once (default 1: sequential, so latencies are per call, not queueing). */
  concurrency?: number;
}

export interface QuestionResult {
  id: string;
  userId: string;
  category: string;
  retrieved: string[];
  evidence: string[];
  latencyMs: number;
}

export interface RelevanceReport {
  ks: number[];
  overall: MetricSummary;
  byCategory: Record<string, MetricSummary>;
  /** Wall time of each retrieve() call, in question order (feed to @automatos/bench `summarize`). */
  latenciesMs: number[];
  perQuestion: QuestionResult[];
}

/** Runs every question through `retrieve` and scores evidence recall@k and hit-rate@k. */
export async function evaluateRetrieval(
  retrieve: Retriever,
  options: EvaluateOptions = {},
): Promise<RelevanceReport> {
  const dataset = options.dataset ?? loadDataset();
  const ks = options.ks ?? [5, 10];
  if (ks.length === 0 || ks.some((k) => !Number.isInteger(k) || k < 1))
    throw new RangeError("ks: positive integers expected");
  const concurrency = options.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new RangeError("concurrency: a positive integer expected");
  const questions = dataset.questions.filter(options.filter ?? (() => true));
  const kMax = Math.max(...ks);
  const results: QuestionResult[] = new Array(questions.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < questions.length) {
      const i = next++;
      const q = questions[i]!;
      const started = performance.now();
      const retrieved = await retrieve(q.userId, q.question, kMax);
      const latencyMs = performance.now() - started;
      results[i] = {
        id: q.id,
        userId: q.userId,
        category: q.category,
        retrieved,
        evidence: q.evidence,
        latencyMs,
      };
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(1, questions.length)) }, worker));
  const { overall, byCategory } = summariseByCategory(results, ks);
  return { ks, overall, byCategory, latenciesMs: results.map((r) => r.latencyMs), perQuestion: results };
}
