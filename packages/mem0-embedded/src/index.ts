export {
  createLocalEmbedder,
  DEFAULT_LOCAL_DIMENSIONS,
  LOCAL_EMBEDDER_ID,
  type LocalEmbedder,
} from "./embedder/index.js";
export type { EmbeddedMem0Options, EmbedderOptions, LlmOptions, ProcessModel } from "./options.js";
export { startEmbeddedMem0 } from "./start.js";
export type { EmbeddedMem0 } from "./start-in-process.js";
