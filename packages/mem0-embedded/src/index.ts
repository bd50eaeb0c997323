export {
  createDefaultEmbedder,
  createLocalEmbedder,
  createMiniLmEmbedder,
  DEFAULT_EMBEDDER_ID,
  DEFAULT_LOCAL_DIMENSIONS,
  LOCAL_EMBEDDER_ID,
  type LocalEmbedder,
  MINILM_EMBEDDER_ID,
  MINILM_FP32_EMBEDDER_ID,
  type MiniLmEmbedder,
} from "./embedder/index.js";
export { embedEveryQuery } from "./env.js";
export type {
  EmbeddedMem0Options,
  EmbedderOptions,
  LlmOptions,
  LocalEmbedderName,
  ProcessModel,
} from "./options.js";
export { type StartedEmbeddedMem0, startEmbeddedMem0 } from "./start.js";
export type { EmbeddedMem0 } from "./start-in-process.js";
export type {
  EngineRestart,
  EngineSupervision,
  SupervisionOptions,
  SupervisionStatus,
  SupervisorLogger,
} from "./supervisor/engine-supervisor.js";
