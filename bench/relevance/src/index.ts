export { createBm25Retriever } from "./baselines/bm25-retriever.js";
export { createRecentRetriever } from "./baselines/recent-retriever.js";
export { loadDataset } from "./dataset/load-dataset.js";
export { type MemoryRecord, memoriesByUser, questionsByUser, turnIdOf } from "./dataset/memories.js";
export {
  type Dataset,
  type Persona,
  QUESTION_CATEGORIES,
  type Question,
  type QuestionCategory,
  type Turn,
} from "./dataset/types.js";
export { validateDataset } from "./dataset/validate-dataset.js";
export { createBaselineHashEmbedder } from "./embedders/baseline-hash-embedder.js";
export { createCosineRetriever } from "./embedders/cosine-retriever.js";
export { createLocalHashV1Embedder } from "./embedders/local-hash-v1-embedder.js";
export { inHouseEvalSet } from "./eval-set/inhouse.js";
export { splitByName } from "./eval-set/split.js";
export type { EvalMemory, EvalQuery, EvalSet, EvalStep, EvalTenant, Split } from "./eval-set/types.js";
export {
  type EvaluateOptions,
  evaluateRetrieval,
  type QuestionResult,
  type RelevanceReport,
  type Retriever,
} from "./evaluate.js";
export { createMem0Retriever, type Mem0Retriever, type Mem0RetrieverOptions } from "./mem0/mem0-retriever.js";
export type { StoreKind } from "./mem0/mem0-store.js";
export {
  evidenceRecallAt,
  hitAt,
  type MetricSummary,
  summarise,
  summariseByCategory,
} from "./metrics/evidence-recall.js";
export { loadRealMemBench } from "./realmembench/load.js";
export { parsePersona } from "./realmembench/parse.js";
export { credit, DEFAULT_REALMEMBENCH_DIR, REALMEMBENCH_SOURCE } from "./realmembench/source.js";
export { parseConfigOverride } from "./run/config-override.js";
export { type ArmFigures, figuresOf } from "./run/figures.js";
export { type Measurement, measure, type RecallVariant, type SetMeasurement } from "./run/measure.js";
export { loadSets, type SetChoice } from "./run/sets.js";
